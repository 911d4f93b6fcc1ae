import type { AnyMachineSnapshot } from 'xstate';
import type { CaseCommand, CaseCommandType } from '../../contracts/case/commands.js';
import type { CaseEvent, CaseEventOf, CaseEventType } from '../../contracts/case/events.js';
import { CommandInvalidError } from '../../contracts/errors.js';
import type { DecideContext } from '../engine/definition.js';
import type { CaseContext } from './context.js';
import { replyDueBy } from './deadlines.js';
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
};

/**
 * Maps a valid command to its events. Whether the command is allowed in the
 * case's status is checked by the engine against the machine; here only
 * what the machine cannot see — facts derived at receipt, rules on data.
 */
export function decideCase(command: CaseCommand, snapshot: AnyMachineSnapshot, context: DecideContext): CaseEvent[] {
  const state = snapshot.context as CaseContext;
  switch (command.type) {
    case 'receive':
      return [
        {
          type: 'CaseReceived',
          // Object.assign, not a spread followed by new keys: see stamped() in context.ts.
          data: Object.assign({}, command.data, {
            caseId: context.streamId,
            trackingCode: trackingCodeFor(context.streamId),
            replyDueBy: replyDueBy(context.occurredAt, command.data.urgency),
          } satisfies Pick<CaseEventOf<'CaseReceived'>['data'], 'caseId' | 'trackingCode' | 'replyDueBy'>),
        },
      ];
    case 'merge':
      if (command.data.intoCaseId === state.caseId) {
        throw new CommandInvalidError('merge', [{ path: 'data.intoCaseId', message: 'a case cannot be merged into itself' }]);
      }
      return [{ type: 'CaseMerged', data: command.data }];
    case 'reassign':
      if (sameMembers(command.data.deputyIds, state.deputyIds)) {
        throw new CommandInvalidError('reassign', [
          { path: 'data.deputyIds', message: 'the case is already assigned to exactly these deputies' },
        ]);
      }
      return [{ type: 'CaseReassigned', data: command.data }];
    case 'accept':
    case 'assign':
    case 'acknowledge':
    case 'schedule-site-check':
    case 'complete-site-check':
    case 'refer':
    case 'record-agency-reply':
    case 'note-progress':
    case 'resolve':
    case 'decline':
    case 'give-feedback':
    case 'record-follow-up':
    case 'close':
    case 'reopen':
    case 'withdraw':
    case 'add-note':
    case 'escalate':
      return [{ type: caseCommandEvents[command.type], data: command.data } as CaseEvent];
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled case command ${(unhandled as { type: string }).type}`);
    }
  }
}

function sameMembers(a: string[], b: string[]): boolean {
  return a.length === b.length && a[0] === b[0] && a.every((id) => b.includes(id));
}
