import { z } from 'zod';
import { eventContract } from './event-contract.js';
import { entryId } from './ids.js';
import { line } from './text.js';

/**
 * A station's rota (接待日): stream `rota-<station id>`. The weekly pattern
 * (every Monday 9:00–12:00, the deputies on duty) and the changes to single
 * dates (a Monday called off, a Saturday added, another deputy on duty).
 * All times are China time (UTC+8, no daylight saving): a session says
 * `HH:MM` on a weekday, a change names the China date.
 */
const str = z.string();
const num = z.number();

/** At least this many days of receptions are published ahead, so citizens can plan a visit. */
export const MIN_PUBLISH_DAYS_AHEAD = 3;
export const DEFAULT_PUBLISH_DAYS_AHEAD = 14;

export const rotaEventContracts = {
  /**
   * The weekly pattern, in force from `effectiveFrom` (a China date) on;
   * dates before it keep the pattern that was in force then, so receptions
   * already held read as they were. Weekday 1 is Monday, 7 Sunday.
   */
  ReceptionScheduleSet: eventContract(
    z.strictObject({
      stationId: str,
      effectiveFrom: str,
      sessions: z.array(z.strictObject({ weekday: num, start: str, end: str, deputyIds: z.array(str) })),
      publishDaysAhead: num,
    }),
  ),
  /**
   * One date differs from the pattern; the latest change of a date is the
   * one that holds. Cancelled: the day's receptions are called off. Else
   * each field given replaces the pattern's (times given make the day one
   * sitting at those times); a date the pattern does not cover is added.
   */
  ReceptionDateChanged: eventContract(
    z.strictObject({
      stationId: str,
      date: str,
      cancelled: z.boolean(),
      start: str.optional(),
      end: str.optional(),
      deputyIds: z.array(str).optional(),
      note: str.optional(),
    }),
  ),
} as const;
export type RotaEventType = keyof typeof rotaEventContracts;
export type RotaEvent = {
  [K in RotaEventType]: { type: K; data: z.output<(typeof rotaEventContracts)[K]['schema']> };
}[RotaEventType];
export type ReceptionSession = z.output<typeof rotaEventContracts.ReceptionScheduleSet.schema>['sessions'][number];
export type ReceptionDateChange = z.output<typeof rotaEventContracts.ReceptionDateChanged.schema>;

/** A time of day in China, `HH:MM`. */
export const clockTime = z.string().regex(/^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time of day HH:MM, 00:00 to 23:59');

/** A calendar date, `YYYY-MM-DD`, that exists (no 30 February). */
const DATE_FORM = /^20[0-9]{2}-[0-9]{2}-[0-9]{2}$/;
export const calendarDate = z
  .string()
  .regex(DATE_FORM, 'a date YYYY-MM-DD between 2000 and 2099')
  // Refinements run after a failed format too: only a date of the right form is looked up.
  .refine((value) => {
    if (!DATE_FORM.test(value)) return true;
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  }, 'no such date');

const weekday = z.number().int().min(1, '1 (Monday) to 7 (Sunday)').max(7, '1 (Monday) to 7 (Sunday)');
const dutyDeputies = z
  .array(entryId)
  .min(1, 'at least one deputy on duty')
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, 'deputy ids must not repeat');

// Refinements run even when a field failed its own check: compare only times that are times.
const isClockTime = (value: unknown): value is string => clockTime.safeParse(value).success;

const endAfterStart = (value: { start?: string; end?: string }, ctx: z.RefinementCtx) => {
  if (isClockTime(value.start) && isClockTime(value.end) && value.end <= value.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
  }
};

const sessionInput = z
  .strictObject({ weekday, start: clockTime, end: clockTime, deputyIds: dutyDeputies })
  .superRefine(endAfterStart);

/** Two sittings of one weekday may not overlap: a deputy cannot be on duty twice at once. */
function noOverlap(sessions: { weekday: number; start: string; end: string }[], ctx: z.RefinementCtx) {
  sessions.forEach((a, i) => {
    if (!isClockTime(a.start) || !isClockTime(a.end)) return;
    const clash = sessions.findIndex((b, j) => j < i && b.weekday === a.weekday && b.start < a.end && a.start < b.end);
    if (clash >= 0) ctx.addIssue({ code: 'custom', path: [i, 'start'], message: `overlaps session ${clash} on the same weekday` });
  });
}

/** `PUT /api/stations/{id}/reception-schedule`: the weekly pattern, sent whole. */
export const receptionScheduleBody = z.strictObject({
  sessions: z.array(sessionInput).max(28).superRefine(noOverlap),
  publishDaysAhead: z.number().int().min(MIN_PUBLISH_DAYS_AHEAD).max(120).default(DEFAULT_PUBLISH_DAYS_AHEAD),
  /** The first China date the pattern holds for (default: today); never in the past. */
  effectiveFrom: calendarDate.optional(),
});
export type ReceptionScheduleBody = z.output<typeof receptionScheduleBody>;

const dateChangeShape = {
  cancelled: z.boolean().default(false),
  start: clockTime.optional(),
  end: clockTime.optional(),
  deputyIds: dutyDeputies.optional(),
  /** Shown to anyone with the reception ("罗建代表外出调研，杨美云代表替班"): public words, never an internal reason. */
  note: line(200).optional(),
};

function coherentChange(value: { cancelled: boolean; start?: string; end?: string; deputyIds?: string[] }, ctx: z.RefinementCtx) {
  if ((value.start === undefined) !== (value.end === undefined)) {
    ctx.addIssue({ code: 'custom', path: [value.start === undefined ? 'start' : 'end'], message: 'start and end come together' });
  }
  if (value.cancelled) {
    for (const field of ['start', 'end', 'deputyIds'] as const) {
      if (value[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'a cancelled reception has no times or deputies' });
    }
  }
  endAfterStart(value, ctx);
}

/** `POST /api/stations/{id}/receptions/{date}`: what differs on that date. */
export const receptionDateBody = z.strictObject(dateChangeShape).superRefine(coherentChange);
/** The rota workflow's `change-date` command: the body with the date from the path. */
export const receptionDateCommand = z.strictObject({ date: calendarDate, ...dateChangeShape }).superRefine(coherentChange);
export type ReceptionDateCommand = z.output<typeof receptionDateCommand>;

export const receptionDateParams = z.strictObject({ id: entryId, date: calendarDate });
