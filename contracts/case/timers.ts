import { z } from 'zod';
import { instant, instantInput } from '../time.js';

/**
 * The deadlines a case runs against, and what Huiyin does by itself as each
 * one nears and passes. Which events set, answer and end each deadline is
 * the workflow's declaration (workflows/case/timers.ts); these are the words.
 */
export const deadlineKinds = [
  /** A first reply: a deputy acknowledges the matter, or feedback reaches the citizen. */
  'reply',
  /** Feedback on the outcome to the citizen. */
  'feedback',
  /** The due date a 督办 set. */
  'escalation',
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

/** What fires: a reminder before the deadline, the overdue mark when it passes, escalation after the policy's grace. */
export const timerActions = ['remind', 'overdue', 'escalate'] as const;
export type TimerAction = (typeof timerActions)[number];

/** Which policy set a deadline: the area it is defined by (null: Huiyin's default) and that policy's revision. */
export const policyRefSchema = z.strictObject({ definedBy: z.string().nullable(), revision: z.number().int() });
export type PolicyRef = z.infer<typeof policyRefSchema>;

const firings = { remindAt: instant.nullable(), escalateAt: instant.nullable() };

/**
 * Every deadline a receipt or a reopening sets, worked out once by the
 * policy in force then and stored with the event: a policy changed later
 * applies to deadlines set after the change only. (The reply deadline's due
 * time is the event's own `replyDueBy`.)
 */
export const deadlinePlanSchema = z.strictObject({
  reply: z.strictObject(firings),
  feedback: z.strictObject({ dueBy: instant, ...firings }),
  /** Accounts an automatic escalation goes to; empty: the supervisors of the case's area and the areas above it. */
  escalateTo: z.array(z.string()),
  policy: policyRefSchema,
});
export type DeadlinePlan = z.infer<typeof deadlinePlanSchema>;

/** One firing a case is waiting for. */
export interface PendingTimer {
  deadline: DeadlineKind;
  action: TimerAction;
  /** When it fires. */
  at: string;
  /** The deadline it belongs to: with the kind and action, what makes a firing unique within a round. */
  dueBy: string;
  /** When the event that set it happened: a reopening's round is another than the receipt's, even for the same due time. */
  setAt: string;
}

/** The scheduler's command for one firing: which deadline, by its due time (the action is the command). */
export const timerCommandData = z.strictObject({ deadline: z.enum(deadlineKinds), dueBy: instantInput });
