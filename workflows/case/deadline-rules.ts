import type { DeadlinePlan, PolicyRef } from '../../contracts/case/timers.js';
import type { urgencies } from '../../contracts/case/vocabulary.js';
import { defaultDeadlinePolicy, type DeadlinePolicyInput } from '../../contracts/deadline-policy.js';
import type { DecideContext } from '../engine/definition.js';
import { caseDeadlines } from '../time/deadlines.js';
import { officialCalendars } from '../time/official-calendars.js';
import { WorkingCalendar } from '../time/working-days.js';

/** The facts a case command that sets a deadline is decided with: the policy in force for the case's area, and the calendar. */
export interface CaseDeadlineFacts {
  deadlines: { policy: DeadlinePolicyInput; calendar: WorkingCalendar; policyRef?: PolicyRef };
}

const defaultPolicyRef: PolicyRef = { definedBy: null, revision: -1 };

/** What a command handed no facts (a test, the history generator) decides with: the default policy and the shipped calendar. */
export const shippedDeadlineRules: CaseDeadlineFacts['deadlines'] = {
  policy: defaultDeadlinePolicy,
  calendar: new WorkingCalendar(officialCalendars),
  policyRef: defaultPolicyRef,
};

function deadlineRulesOf(context: DecideContext): CaseDeadlineFacts['deadlines'] {
  const facts = context.facts as Partial<CaseDeadlineFacts> | undefined;
  return facts?.deadlines ?? shippedDeadlineRules;
}

/** Every deadline a receipt or a reopening sets from `from`, by the policy and calendar the command was handed. */
export function newDeadlines(context: DecideContext, urgency: (typeof urgencies)[number], from: string): { replyDueBy: string; plan: DeadlinePlan } {
  const { policy, calendar, policyRef = defaultPolicyRef } = deadlineRulesOf(context);
  const due = caseDeadlines(policy, calendar, urgency, from);
  return {
    replyDueBy: due.replyDueBy,
    plan: {
      reply: { remindAt: due.remindReplyAt, escalateAt: due.escalateReplyAt },
      feedback: { dueBy: due.feedbackDueBy, remindAt: due.remindFeedbackAt, escalateAt: due.escalateFeedbackAt },
      escalateTo: [...policy.escalateTo],
      policy: policyRef,
    },
  };
}
