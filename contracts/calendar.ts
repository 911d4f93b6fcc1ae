import { z } from 'zod';
import { line } from './text.js';

/** A day of the China-time calendar, `2026-02-15`, that exists. */
export const calendarDate = z.iso.date();

/** Saturday or Sunday (a date names the same weekday in every time zone). */
export const isWeekend = (day: string): boolean => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};

const year = z.number().int().min(2000).max(2099);
const source = line(300).optional();

/** Dates of `inYear`, each checked on its own, so one answer names every bad one. */
const datesOf = (inYear: number, weekendsOnly: boolean) =>
  z
    .array(
      calendarDate.superRefine((day, ctx) => {
        // Not a date at all: the date check above has said so.
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return;
        if (!day.startsWith(`${inYear}-`)) ctx.addIssue({ code: 'custom', message: `must fall in ${inYear}` });
        else if (weekendsOnly && !isWeekend(day)) {
          ctx.addIssue({ code: 'custom', message: 'is a weekday: only a Saturday or Sunday can be made a working day' });
        }
      }),
    )
    .max(120)
    .refine((days) => new Set(days).size === days.length, 'dates must not repeat');

/**
 * One year of the working calendar, as the State Council publishes it each
 * autumn for the next: the public holidays (days off, weekends inside a
 * holiday included) and the make-up working days (调休), weekend days that
 * move into the working week. Every other Saturday and Sunday is off and
 * every other weekday is a working day. What an administrator sends for
 * `inYear` (the year is in the path).
 */
export const calendarYearInputFor = (inYear: number) =>
  z
    .strictObject({
      holidays: datesOf(inYear, false),
      workdays: datesOf(inYear, true),
      /** Where it comes from (the notice and its date), for whoever checks it. */
      source,
    })
    .superRefine((calendar, ctx) => {
      const off = new Set(calendar.holidays);
      calendar.workdays.forEach((day, index) => {
        if (off.has(day)) ctx.addIssue({ code: 'custom', path: ['workdays', index], message: 'is also listed as a holiday' });
      });
    });

/** The fields of a year as the directory keeps it (stream `calendar-<year>`). */
export const calendarYearFields = z.strictObject({ year, holidays: z.array(calendarDate), workdays: z.array(calendarDate), source });
/** A whole year, checked as `calendarYearInputFor` its year checks it. */
export const calendarYearSchema = calendarYearFields.superRefine(({ year: inYear, ...rest }, ctx) => {
  const checked = calendarYearInputFor(inYear).safeParse(rest);
  if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;
/** The body of `PUT /api/calendar/{year}` as documented; the route checks it against its year. */
export const calendarYearInput = calendarYearInputFor(2026);

/** `GET /api/calendar/{year}`: the year as deadlines count it, and whose it is. */
export const effectiveYearSchema = z.strictObject({
  calendar: calendarYearFields,
  /** `directory`: an administrator's; `shipped`: as Huiyin ships it; `weekends-only`: none entered yet. */
  origin: z.enum(['directory', 'shipped', 'weekends-only']),
  revision: z.number().int(),
});
export const yearParams = z.strictObject({ year: z.string().regex(/^20[0-9]{2}$/, 'a year from 2000 to 2099') });
