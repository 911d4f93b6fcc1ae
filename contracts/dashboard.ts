import { z } from 'zod';
import { areaPrefix } from './area.js';
import { caseStatuses, channels, statusGroups, urgencies } from './case/vocabulary.js';
import { readQuery } from './read-side.js';
import { instant } from './time.js';

/**
 * The dashboard and the totals a city reports, as answered by
 * /api/dashboard, /api/dashboard/stream and /api/totals. Days are China
 * Standard Time days (`period.timeZone`), both ends included.
 */
const count = z.number().int();
const date = z.iso.date();

/**
 * Which cases the figures count: an area-code prefix, and for station staff
 * and deputies their stations. Decided from the caller's rights by the
 * service; the read model only applies it.
 */
export interface DashboardScope {
  areaPrefix?: string;
  stationIds?: readonly string[];
}

export const DEFAULT_MINIMUM_SAMPLE = 5;

export const dashboardQuery = readQuery
  .extend({
    area: areaPrefix.optional().describe('an area and below (within your own); default: all you may see'),
    from: date.optional().describe('first day, China time (default: 29 days before `to`)'),
    to: date.optional().describe('last day, China time (default: today)'),
    minSample: z.coerce.number().int().min(1).max(1000).default(DEFAULT_MINIMUM_SAMPLE)
      .describe('a rate or duration with a smaller sample has value null and insufficientData'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['to'], message: 'must not be before from' });

export const totalsQuery = readQuery.extend({
  area: areaPrefix.optional().describe('an area and below (within your own)'),
  since: date.optional().describe('count from this day, China time (default: from the start)'),
});

/** Each figure says how it is computed; `version` changes whenever the formula does. */
export const formulaSchema = z.object({ version: count, en: z.string(), zh: z.string() });

export const rateSchema = z.object({
  value: z.number().nullable().describe('numerator ÷ denominator, 0..1; null under the minimum sample'),
  numerator: count,
  denominator: count,
  formula: formulaSchema,
  insufficientData: z.literal(true).optional(),
});
export type Rate = z.infer<typeof rateSchema>;

export const durationSchema = z.object({
  median: z.number().nullable().describe('hours, within 2.5% (log-spaced histogram)'),
  p90: z.number().nullable(),
  count,
  insufficientData: z.literal(true).optional(),
});
export type Duration = z.infer<typeof durationSchema>;

const countsOf = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);

export const figuresSchema = z.object({
  /** Cases received in the period, by where they stand now. */
  cases: z.object({
    total: count,
    byGroup: countsOf(statusGroups),
    byStatus: countsOf(caseStatuses),
    byCategory: z.record(z.string(), count),
    byChannel: countsOf(channels),
    byUrgency: countsOf(urgencies),
  }),
  rates: z.object({ response: rateSchema, resolution: rateSchema, satisfaction: rateSchema }),
  /** From the visit to the step first taken in the period. */
  hours: z.object({ toAcknowledge: durationSchema, toFeedback: durationSchema, toClose: durationSchema }),
  /** Now, whatever the period: open cases, those past an unanswered (or missed) reply deadline, and those escalated (督办). */
  openNow: count,
  overdueNow: count,
  escalatedNow: count,
});
export type Figures = z.infer<typeof figuresSchema>;

export const scopeSchema = z.object({
  area: z.string().nullable().describe('the area-code prefix counted; null: every area you may see'),
  stationIds: z.array(z.string()).nullable().describe('for staff and deputies: the stations counted'),
});

/** What the directory calls an area or station, so a supervisor reads 蟠龙镇, not 520221104. */
const directoryName = z.string().nullable().describe('its name in the directory; null when the directory has none');

export const dashboardSchema = figuresSchema.extend({
  scope: scopeSchema,
  period: z.object({ from: date, to: date, timeZone: z.string() }),
  minimumSample: count,
  /** The clock overdue was judged by, and the log position the figures include. */
  asOf: instant,
  position: count,
  byArea: z.array(figuresSchema.extend({ areaCode: z.string(), name: directoryName })).describe('the child areas of the area asked'),
  byStation: z.array(figuresSchema.extend({ stationId: z.string(), areaCode: z.string(), name: directoryName })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const totalsSchema = z.object({
  scope: scopeSchema,
  since: date.nullable(),
  asOf: instant,
  position: count,
  /** Visitors received: each registered visit once, however many matters it raised, and each case received in person outside a visit. */
  voterReceptions: count,
  /** Every matter raised: online (message, hotline) and offline (in person). */
  opinionsCollected: z.object({ online: count, offline: count, total: count }),
  /** Cases resolved with the outcome `done`, once each, when first resolved so. */
  practicalThingsDone: count,
  /** Cases whose citizen had an answer, once each, when they first did. */
  casesAnswered: count,
});
export type Totals = z.infer<typeof totalsSchema>;
