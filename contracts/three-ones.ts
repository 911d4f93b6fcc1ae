import { z } from 'zod';
import { areaPrefix } from './area.js';
import { readQuery } from './read-side.js';

/**
 * 三个一: every deputy contacts constituents every month, takes part in an
 * activity every quarter and reports back to voters every year. Months,
 * quarters and years are China time (UTC+8).
 *
 * A period is judged only once it has ended, and only if the deputy was a
 * deputy at some time in it (from their directory registration on): the
 * month they joined in counts, the months before do not. A period not over
 * yet is `open` until met.
 */
export const dutyStatuses = ['met', 'missed', 'open', 'not-due'] as const;
export type DutyStatus = (typeof dutyStatuses)[number];

const year = z.coerce.number().int().min(2000).max(2099);

export const threeOnesQuery = z.strictObject({
  ...readQuery.shape,
  area: areaPrefix.optional().describe('an area and every area below it (default: the caller’s)'),
  year: year.optional().describe('the China-time year (default: this year)'),
  behind: z.enum(['true', 'false']).optional().describe('true: only the deputies who missed a month, a quarter or the year'),
});
export type ThreeOnesQuery = z.output<typeof threeOnesQuery>;

export const myThreeOnesQuery = z.strictObject({ ...readQuery.shape, year: year.optional() });

const period = <T extends z.ZodRawShape>(count: T) =>
  z.object({
    /** `2026-04`, `2026-Q2` or `2026`. */
    period: z.string(),
    status: z.enum(dutyStatuses),
    ...count,
  });

export const deputyThreeOnesSchema = z.object({
  deputyId: z.string(),
  name: z.string(),
  /** When the directory registered the deputy (ISO-8601 UTC). */
  joinedAt: z.string(),
  /** Twelve months, each with the contacts recorded in it. */
  months: z.array(period({ contacts: z.number().int() })),
  /** Four quarters, each with the activities held in it. */
  quarters: z.array(period({ activities: z.number().int() })),
  year: period({ reportBacks: z.number().int() }),
  /** True when any month, quarter or the year was missed. */
  behind: z.boolean(),
  missed: z.object({ months: z.number().int(), quarters: z.number().int(), year: z.boolean() }),
});
export type DeputyThreeOnes = z.infer<typeof deputyThreeOnesSchema>;

export const threeOnesResponse = z.object({
  year: z.number().int(),
  /** The area the list covers; null: every area. */
  area: z.string().nullable(),
  /** The moment periods were judged at: what counts as ended. */
  asOf: z.string(),
  items: z.array(deputyThreeOnesSchema),
});
export type ThreeOnesResponse = z.infer<typeof threeOnesResponse>;

/** `GET /api/me/three-ones`: the deputy's own year. */
export const myThreeOnesResponse = z.object({ year: z.number().int(), asOf: z.string(), deputy: deputyThreeOnesSchema });
