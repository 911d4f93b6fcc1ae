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
  remindFeedbackAt: string;
  /** When Huiyin escalates a deadline still unanswered: the policy's grace after it. */
  escalateReplyAt: string;
  escalateFeedbackAt: string;
}

export function caseDeadlines(
  policy: DeadlinePolicyInput,
  calendar: WorkingCalendar,
  urgency: (typeof urgencies)[number],
  from: string,
): CaseDeadlines {
  const fromMs = Date.parse(from);
  const reply = dueAfter(fromMs, policy.reply[urgency], calendar, policy.workdayEndsAt);
  const feedback = Math.max(reply, dueAfter(fromMs, policy.feedback[urgency], calendar, policy.workdayEndsAt));
  const iso = (ms: number) => new Date(ms).toISOString();
  const remindAt = (due: number) => iso(fromMs + Math.round((due - fromMs) * policy.remindAt));
  const escalateAt = (due: number) => iso(dueAfter(due, policy.escalateAfter, calendar, policy.workdayEndsAt));
  return {
    replyDueBy: iso(reply),
    feedbackDueBy: iso(feedback),
    remindReplyAt: remindAt(reply),
    remindFeedbackAt: remindAt(feedback),
    escalateReplyAt: escalateAt(reply),
    escalateFeedbackAt: escalateAt(feedback),
  };
}
