import type { CaseCommand, CaseCommandOf, CaseCommandType } from '../../contracts/case/commands.js';
import type { CaseEvent, CaseEventType } from '../../contracts/case/events.js';
import type { DecideContext } from '../engine/definition.js';
import { newDeadlines } from './deadline-rules.js';
import { replyDueBy } from './deadlines.js';
import { poorFollowUp, type CaseRules, type CaseState } from './rule-kit.js';
import { firedTimer, isTimerCommand } from './timer-decisions.js';
import { trackingCodeFor } from './tracking-code.js';

/** The event each command produces. A Record, so a new command cannot be forgotten here. */
export const caseCommandEvents: Record<CaseCommandType, CaseEventType> = {
  receive: 'CaseReceived',
  accept: 'CaseAccepted',
  assign: 'CaseAssigned',
  reassign: 'CaseReassigned',
  acknowledge: 'CaseAcknowledged',
  'schedule-site-check': 'SiteCheckScheduled',
  'complete-site-check': 'SiteCheckCompleted',
  refer: 'CaseReferred',
  'record-agency-reply': 'AgencyReplied',
  'note-progress': 'ProgressNoted',
  resolve: 'CaseResolved',
  decline: 'CaseDeclined',
  'give-feedback': 'FeedbackGiven',
  'record-follow-up': 'FollowUpRecorded',
  close: 'CaseClosed',
  reopen: 'CaseReopened',
  withdraw: 'CaseWithdrawn',
  merge: 'CaseMerged',
  'add-note': 'NoteAdded',
  escalate: 'CaseEscalated',
  attach: 'CaseAttached',
  'confirm-merge': 'CaseMergeConfirmed',
  detach: 'CaseDetached',
  'relay-feedback': 'FeedbackRelayed',
  remind: 'ReminderSent',
  'mark-overdue': 'CaseWentOverdue',
  'escalate-overdue': 'CaseEscalated',
  press: 'CasePressed',
};


/** Only defined fields: an optional field the client left out is not stored as undefined. */
function defined<T extends object>(data: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (value !== undefined) out[key] = value;
  return out as T;
}

/**
 * The mapping from commands to events that every version shares. What is
 * derived here (tracking code, deadlines, defaults) depends only on the
 * command, the case and the command's time, so a retry decides the same.
 */
function mapCommand(command: CaseCommand, state: CaseState, context: DecideContext, version: number): CaseEvent {
  const { context: c } = state;
  // The envelope's time may carry an offset; event data stores instants in UTC only.
  const now = () => new Date(context.occurredAt).toISOString();
  switch (command.type) {
    case 'receive': {
      const { receivedAt = now(), receptionDeputyIds = [], ...form } = command.data;
      // v1 counted fixed windows from when the case was entered; v2 counts
      // from the visit, by the area's policy and the working calendar.
      const due = version >= 2 ? newDeadlines(context, command.data.urgency, receivedAt) : { replyDueBy: replyDueBy(context.occurredAt, command.data.urgency), plan: null };
      return {
        type: 'CaseReceived',
        data: defined(Object.assign({}, form, {
          caseId: context.streamId,
          trackingCode: trackingCodeFor(context.streamId),
          receivedAt,
          receptionDeputyIds,
          replyDueBy: due.replyDueBy,
          plan: due.plan,
        })),
      };
    }
    case 'complete-site-check': {
      const { findings, checkedAt = now(), participants } = command.data;
      return { type: 'SiteCheckCompleted', data: { findings, checkedAt, participants } };
    }
    case 'close': {
      // A reason is kept only where it overrode a poor follow-up.
      const { summary, reason } = command.data;
      return { type: 'CaseClosed', data: defined({ summary, overrideReason: poorFollowUp(c) ? reason : undefined }) };
    }
    case 'reopen': {
      const urgency = c.received?.urgency ?? 'normal';
      const due = version >= 2 ? newDeadlines(context, urgency, now()) : { replyDueBy: null, plan: null };
      return { type: 'CaseReopened', data: { reason: command.data.reason, replyDueBy: due.replyDueBy, plan: due.plan } };
    }
    case 'accept':
    case 'assign':
    case 'reassign':
    case 'acknowledge':
    case 'schedule-site-check':
    case 'refer':
    case 'record-agency-reply':
    case 'note-progress':
    case 'resolve':
    case 'decline':
    case 'give-feedback':
    case 'record-follow-up':
    case 'withdraw':
    case 'merge':
    case 'add-note':
    case 'escalate':
    case 'attach':
    case 'confirm-merge':
    case 'detach':
    case 'relay-feedback':
    case 'press':
      // These events record exactly what the command says; the types prove the shapes agree.
      return eventOf(command);
    case 'remind':
    case 'mark-overdue':
    case 'escalate-overdue':
      throw new Error('timer commands are decided by firedTimer');
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled case command ${(unhandled as { type: string }).type}`);
    }
  }
}

type SameShape = Exclude<CaseCommandType, 'receive' | 'complete-site-check' | 'close' | 'reopen' | 'remind' | 'mark-overdue' | 'escalate-overdue'>;
function eventOf(command: CaseCommandOf<SameShape>): CaseEvent {
  switch (command.type) {
    case 'accept': return { type: 'CaseAccepted', data: defined({ note: command.data.note }) };
    case 'assign': return { type: 'CaseAssigned', data: { deputyIds: command.data.deputyIds } };
    case 'reassign': return { type: 'CaseReassigned', data: defined({ deputyIds: command.data.deputyIds, reason: command.data.reason }) };
    case 'acknowledge': return { type: 'CaseAcknowledged', data: {} };
    case 'schedule-site-check': return { type: 'SiteCheckScheduled', data: { at: command.data.at } };
    case 'refer': return { type: 'CaseReferred', data: defined({ agency: command.data.agency, note: command.data.note }) };
    case 'record-agency-reply': return { type: 'AgencyReplied', data: { agency: command.data.agency, reply: command.data.reply } };
    case 'note-progress': return { type: 'ProgressNoted', data: { text: command.data.text } };
    case 'resolve': return { type: 'CaseResolved', data: { outcome: command.data.outcome, summary: command.data.summary } };
    case 'decline': return { type: 'CaseDeclined', data: defined({ reason: command.data.reason, redirectTo: command.data.redirectTo }) };
    case 'give-feedback': return { type: 'FeedbackGiven', data: { method: command.data.method, summary: command.data.summary } };
    case 'record-follow-up': return { type: 'FollowUpRecorded', data: defined({ resolved: command.data.resolved, satisfaction: command.data.satisfaction, comment: command.data.comment }) };
    case 'withdraw': return { type: 'CaseWithdrawn', data: defined({ reason: command.data.reason }) };
    case 'merge': return { type: 'CaseMerged', data: { intoCaseId: command.data.intoCaseId } };
    case 'add-note': return { type: 'NoteAdded', data: { text: command.data.text } };
    case 'escalate': return { type: 'CaseEscalated', data: { to: command.data.to, reason: command.data.reason, dueBy: command.data.dueBy, automatic: null } };
    case 'attach': return { type: 'CaseAttached', data: { caseId: command.data.caseId } };
    case 'confirm-merge': return { type: 'CaseMergeConfirmed', data: { caseId: command.data.caseId } };
    case 'detach': return { type: 'CaseDetached', data: { caseId: command.data.caseId, reason: command.data.reason } };
    case 'relay-feedback': return { type: 'FeedbackRelayed', data: { fromCaseId: command.data.fromCaseId, method: command.data.method, summary: command.data.summary } };
    case 'press': return { type: 'CasePressed', data: defined({ comment: command.data.comment }) };
  }
}

/** A version's decider: its rules, then the shared mapping. */
export function caseDecider(version: number, rules: CaseRules) {
  return (command: CaseCommand, state: CaseState, context: DecideContext): CaseEvent[] => {
    // A firing the case no longer waits for (answered, ended, fired already) decides nothing.
    if (isTimerCommand(command)) return firedTimer(command, state.context, context);
    const rule = rules[command.type] as ((c: CaseCommand, s: CaseState, x: DecideContext) => void) | undefined;
    rule?.(command, state, context);
    return [mapCommand(command, state, context, version)];
  };
}

export { invalid, poorFollowUp, refuseIfAny, type CaseRules, type CaseState } from './rule-kit.js';
export { sharedRules } from './shared-rules.js';
