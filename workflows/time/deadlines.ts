import type { urgencies } from '../../contracts/case/vocabulary.js';
import type { DeadlinePolicyInput, TimeAllowed } from '../../contracts/deadline-policy.js';
import type { WorkingCalendar } from './working-days.js';

const HOUR_MS = 3_600_000;

/** When the time allowed from `fromMs` runs out: clock hours, or the end of the last working day. */
export function dueAfter(fromMs: number, allowed: TimeAllowed, calendar: WorkingCalendar, workdayEndsAt: string): number {
  return allowed.unit === 'hours'
    ? fromMs + allowed.amount * HOUR_MS
    : calendar.addWorkingDays(fromMs, allowed.amount, workdayEndsAt);
}

/** A case's deadlines from one start (its receipt, or a reopening), by the policy in force then. */
export interface CaseDeadlines {
  replyDueBy: string;
  feedbackDueBy: string;
  /** When to remind whoever must reply: the policy's share of the time to reply. */
  remindReplyAt: string;
}

export function caseDeadlines(
  policy: DeadlinePolicyInput,
  calendar: WorkingCalendar,
  urgency: (typeof urgencies)[number],
  from: string,
): CaseDeadlines {
  const fromMs = Date.parse(from);
  const reply = dueAfter(fromMs, policy.reply[urgency], calendar, policy.workdayEndsAt);
  const feedback = dueAfter(fromMs, policy.feedback[urgency], calendar, policy.workdayEndsAt);
  return {
    replyDueBy: new Date(reply).toISOString(),
    feedbackDueBy: new Date(Math.max(reply, feedback)).toISOString(),
    remindReplyAt: new Date(fromMs + Math.round((reply - fromMs) * policy.remindAt)).toISOString(),
  };
}
