import type { urgencies } from '../../contracts/case/vocabulary.js';
import { defaultDeadlinePolicy, type DeadlinePolicyInput } from '../../contracts/deadline-policy.js';
import type { DecideContext } from '../engine/definition.js';
import { caseDeadlines } from '../time/deadlines.js';
import { officialCalendars } from '../time/official-calendars.js';
import { WorkingCalendar } from '../time/working-days.js';

/** The facts a case command that sets a deadline is decided with: the policy in force for the case's area, and the calendar. */
export interface CaseDeadlineFacts {
  deadlines: { policy: DeadlinePolicyInput; calendar: WorkingCalendar };
}

/** What a command handed no facts (a test, the history generator) decides with: the default policy and the shipped calendar. */
export const shippedDeadlineRules: CaseDeadlineFacts['deadlines'] = { policy: defaultDeadlinePolicy, calendar: new WorkingCalendar(officialCalendars) };

function deadlineRulesOf(context: DecideContext): CaseDeadlineFacts['deadlines'] {
  const facts = context.facts as Partial<CaseDeadlineFacts> | undefined;
  return facts?.deadlines ?? shippedDeadlineRules;
}

/** A reply deadline counted from `from` by the policy and calendar the command was handed. */
export function newReplyDueBy(context: DecideContext, urgency: (typeof urgencies)[number], from: string): string {
  const { policy, calendar } = deadlineRulesOf(context);
  return caseDeadlines(policy, calendar, urgency, from).replyDueBy;
}
