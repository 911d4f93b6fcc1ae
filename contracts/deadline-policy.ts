import { z } from 'zod';
import { areaCodeSchema } from './area.js';
import { urgencies } from './case/vocabulary.js';
import { entryId } from './ids.js';

/**
 * A length of time a deadline allows: clock hours (an emergency's 2 hours
 * run through the night) or working days (which skip weekends, holidays
 * and count make-up days, see contracts/calendar.ts).
 */
export const timeAllowedSchema = z
  .strictObject({
    amount: z.number().positive().max(8_784),
    unit: z.enum(['hours', 'working-days']),
  })
  .refine((t) => t.unit === 'hours' || (Number.isInteger(t.amount) && t.amount <= 250), {
    message: 'working days are a whole number up to 250',
    path: ['amount'],
  });
export type TimeAllowed = z.infer<typeof timeAllowedSchema>;

const byUrgency = z.strictObject(Object.fromEntries(urgencies.map((u) => [u, timeAllowedSchema])) as Record<(typeof urgencies)[number], typeof timeAllowedSchema>);

/**
 * What an area asks of every case received in it (and in the areas below
 * it that set none of their own): the time to a first reply and to
 * feedback on the outcome, per urgency; when to remind, as a share of the
 * time allowed; how long past a deadline before Huiyin escalates (督办) by
 * itself, and to whom; and when a station's working day ends, which is when
 * a deadline counted in working days falls. Every case received or
 * reopened is planned by it (the plan is kept with the event), and the
 * scheduler acts on the plan.
 */
export const deadlinePolicyRules = {
  reply: byUrgency,
  feedback: byUrgency,
  remindAt: z.number().min(0.1).max(0.95),
  escalateAfter: timeAllowedSchema,
  /** Accounts escalated to; none: the supervisors of the area and the areas above it. */
  escalateTo: z
    .array(entryId)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'ids must not repeat'),
  // Midnight would put a deadline at the start of its last day, a day early.
  workdayEndsAt: z.string().regex(/^(?:0[1-9]|1\d|2[0-3]):[0-5]\d$/, 'a time of day from 01:00 to 23:59, HH:MM'),
};
export const deadlinePolicyInput = z.strictObject(deadlinePolicyRules);
export type DeadlinePolicyInput = z.infer<typeof deadlinePolicyInput>;

/** A policy as the directory keeps it: stream `deadlinePolicy-<area code>`. */
export const deadlinePolicySchema = z.strictObject({ areaCode: areaCodeSchema, ...deadlinePolicyRules });
export type DeadlinePolicy = z.infer<typeof deadlinePolicySchema>;

const hours = (amount: number): TimeAllowed => ({ amount, unit: 'hours' });
const workingDays = (amount: number): TimeAllowed => ({ amount, unit: 'working-days' });

/**
 * The policy of an area that has none, nor any area above it: a first reply
 * within 2 hours for an emergency, 24 hours for an urgent matter, 7 working
 * days for a normal one and 15 for a complex one, as 12345 hotlines count
 * them; feedback on the outcome within 1, 3, 15 and 30 working days.
 */
export const defaultDeadlinePolicy: DeadlinePolicyInput = {
  reply: { emergency: hours(2), urgent: hours(24), normal: workingDays(7), complex: workingDays(15) },
  feedback: { emergency: workingDays(1), urgent: workingDays(3), normal: workingDays(15), complex: workingDays(30) },
  remindAt: 0.75,
  escalateAfter: workingDays(3),
  escalateTo: [],
  workdayEndsAt: '18:00',
};

/** `GET /api/areas/{code}/deadline-policy`: the policy in force for the area, and where it is set. */
export const effectivePolicySchema = z.strictObject({
  areaCode: z.string(),
  /** `escalateTo` names accounts: shown to administrators, supervisors and auditors only. */
  policy: deadlinePolicyInput.partial({ escalateTo: true }),
  /** The area that sets it (the area itself or one above); null: Huiyin's default. */
  definedBy: z.string().nullable(),
  /** The area's own policy's revision (its ETag); -1 when it sets none. */
  revision: z.number().int(),
  /** The revision of the policy in force (`definedBy`'s); -1 for the default. Deadline plans cite it. */
  definedByRevision: z.number().int(),
});
