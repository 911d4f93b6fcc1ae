import { HuiyinError, type FieldIssue } from '../../contracts/errors.js';
import { DAY_MS } from '../../contracts/time.js';
import { invalid, poorFollowUp, refuseIfAny, sharedRules, type CaseRules } from './decider.js';

/** A client's clock may run a little ahead of ours; "not in the future" allows this much. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** How far back a reception form may date its visit. */
export const RECEIPT_WINDOW_MS = 30 * DAY_MS;

const ms = (iso: string) => Date.parse(iso);

/**
 * The rules case workflow v2 adds on data, each from a matter tried as a
 * station would. Times are judged against the command's own time, so a
 * retry or a replay decides the same.
 */
export const caseRulesV2: CaseRules = {
  ...sharedRules,
  receive: (command, _state, { occurredAt }) => {
    const { receivedAt } = command.data;
    if (receivedAt === undefined) return;
    if (ms(receivedAt) > ms(occurredAt) + CLOCK_SKEW_MS) throw invalid('receive', 'receivedAt', 'the visit cannot be in the future');
    if (ms(receivedAt) < ms(occurredAt) - RECEIPT_WINDOW_MS) {
      throw invalid('receive', 'receivedAt', 'the visit must be within the last 30 days');
    }
  },
  'schedule-site-check': (command, _state, { occurredAt }) => {
    if (ms(command.data.at) < ms(occurredAt) - DAY_MS) {
      throw invalid('schedule-site-check', 'at', 'a site check cannot be dated more than a day in the past');
    }
  },
  'complete-site-check': (command, _state, { occurredAt }) => {
    const { checkedAt, participants } = command.data;
    const issues: FieldIssue[] = [];
    if (participants.deputyIds.length + participants.staff.length === 0) {
      issues.push({ path: 'data.participants', message: 'name everyone who went: at least one deputy or member of staff' });
    }
    if (checkedAt !== undefined && ms(checkedAt) < ms(occurredAt) - DAY_MS) {
      issues.push({ path: 'data.checkedAt', message: 'a site check cannot be dated more than a day in the past' });
    }
    if (checkedAt !== undefined && ms(checkedAt) > ms(occurredAt) + CLOCK_SKEW_MS) {
      issues.push({ path: 'data.checkedAt', message: 'a completed site check cannot be in the future' });
    }
    refuseIfAny('complete-site-check', issues);
  },
  close: (command, state, context) => {
    sharedRules.close!(command, state, context);
    const { followUp } = state.context;
    if (followUp === null || !poorFollowUp(state.context)) {
      if (command.data.reason !== undefined) {
        throw invalid('close', 'reason', 'a reason is only for closing a case whose follow-up was not good');
      }
      return;
    }
    // Overriding the citizen's verdict is a supervisor's judgement (督办 is theirs), not an administrator's.
    if (context.actor.role !== 'supervisor') {
      throw new HuiyinError(
        'CASE.FOLLOW_UP_UNRESOLVED',
        'the follow-up says the matter is not resolved or the citizen is not satisfied: reopen the case, or a supervisor closes it with a reason',
        { followUp: { resolved: followUp.resolved, satisfaction: followUp.satisfaction } },
      );
    }
    if (command.data.reason === undefined) {
      throw invalid('close', 'reason', 'say why the case is closed although the follow-up was not good');
    }
  },
  escalate: (command, _state, { occurredAt }) => {
    if (ms(command.data.dueBy) <= ms(occurredAt)) throw invalid('escalate', 'dueBy', 'the due date must be in the future');
  },
};
