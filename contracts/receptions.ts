import { z } from 'zod';
import { areaCodeSchema } from './area.js';
import { deputyLevels, stationKinds } from './directory.js';
import { calendarDate, rotaEventContracts } from './rota.js';
import { line } from './text.js';
import { instantInput } from './time.js';

/**
 * A reception (接待日): one sitting at a station on one day, with the
 * deputies on duty. Worked out from the station's rota (its weekly
 * schedule and the changes to single dates); the appointments offer slots
 * inside these, and the online station shows the next one.
 */
export interface Reception {
  stationId: string;
  /** The day in China (UTC+8), `YYYY-MM-DD`. */
  date: string;
  /** ISO-8601 UTC instants. */
  start: string;
  end: string;
  deputyIds: string[];
  /** True: announced, then called off (kept so a citizen sees it will not happen). */
  cancelled: boolean;
  /** Why the date differs from the weekly schedule, when it does. */
  note?: string;
}

/** What other capabilities ask of the rota (the service behind `app.receptions`). */
export interface ReceptionCalendar {
  /** Every reception of the station that starts in [from, to), cancelled ones included, oldest first. */
  receptions(stationId: string, from: string, to: string): Promise<Reception[]>;
  /** The first reception not cancelled that ends after `now`, at any of these stations; undefined when none is published. */
  nextReception(stationIds: readonly string[], now: string): Promise<Reception | undefined>;
}

// HTTP shapes of the rota and the public finder. They sit beside `Reception`
// because both answer with receptions; the rota's events are in rota.ts.

/** A reception as answered (the `Reception` interface, as a response schema). */
export const receptionView = z.object({
  stationId: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  deputyIds: z.array(z.string()),
  cancelled: z.boolean(),
  note: z.string().optional(),
});

const chinaMidnight = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();
/** A range bound: a China date (its midnight; as `to`, the end of that day) or an instant with any offset. */
const rangeBound = (dayEnd: boolean) =>
  z.union([calendarDate.transform((date) => chinaMidnight(date, dayEnd ? 1 : 0)), instantInput], {
    error: 'a date YYYY-MM-DD (China) or an ISO-8601 instant',
  });
export const receptionRangeQuery = z.strictObject({
  /** Default: the start of today in China. */
  from: rangeBound(false).optional(),
  /** Default: as far ahead as the station publishes. A date includes that whole day. */
  to: rangeBound(true).optional(),
});

export const receptionList = z.object({
  stationId: z.string(),
  /** The range answered: the one asked for, narrowed to the published window for callers who see only that. */
  from: z.string(),
  to: z.string(),
  /** True when the range was narrowed to the published window. */
  narrowed: z.boolean(),
  items: z.array(receptionView),
});

const scheduleData = rotaEventContracts.ReceptionScheduleSet.schema;
const dateChangeData = rotaEventContracts.ReceptionDateChanged.schema;
/** A station's rota as it stands: the patterns in force now and later, and the changed dates from today on. */
export const receptionScheduleView = z.object({
  stationId: z.string(),
  revision: z.number().int(),
  schedules: z.array(scheduleData.omit({ stationId: true })),
  dateChanges: z.array(dateChangeData.omit({ stationId: true })),
});
export const rotaWritten = receptionScheduleView.extend({ position: z.number().int() });

/** `GET /api/public/deputies`: a place or a name typed (Chinese, pinyin initials, full pinyin), or an area code. */
export const deputyFinderQuery = z
  .strictObject({ place: line(50).optional(), area: areaCodeSchema.optional() })
  .superRefine((value, ctx) => {
    if ((value.place === undefined) === (value.area === undefined)) {
      ctx.addIssue({ code: 'custom', path: [value.place === undefined ? 'place' : 'area'], message: 'give either place or area, not both and not neither' });
    }
  });

const publicDeputy = z.object({ id: z.string(), name: z.string(), level: z.enum(deputyLevels) });
const publicArea = z.object({ code: z.string(), name: z.string() });
/** What anyone may know of a station: where it is, who serves there, when they next receive. */
export const publicStationView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(stationKinds),
  areaCode: z.string(),
  address: z.string(),
  deputies: z.array(publicDeputy),
  nextReception: receptionView.nullable(),
});
export const deputyFinderAnswer = z.object({
  places: z.array(
    publicArea.extend({
      /** The areas above the place, the widest first. */
      chain: z.array(publicArea),
      /** Stations of the place itself and of every area above it, nearest first. */
      stations: z.array(publicStationView),
    }),
  ),
  /** Deputies whose name matched, with the stations they serve at. */
  deputies: z.array(publicDeputy.extend({ stations: z.array(publicStationView) })),
});
export type PublicStationView = z.infer<typeof publicStationView>;
export type DeputyFinderAnswer = z.infer<typeof deputyFinderAnswer>;
