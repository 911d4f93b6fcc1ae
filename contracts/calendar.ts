import { z } from 'zod';
import { line } from './text.js';

/** A day of the China-time calendar, `2026-02-15`, that exists. */
export const calendarDate = z.iso.date();

/** Saturday or Sunday (a date names the same weekday in every time zone). */
export const isWeekend = (day: string): boolean => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};

const dates = z
  .array(calendarDate)
  .max(120)
  .refine((days) => new Set(days).size === days.length, 'dates must not repeat');

/**
 * One year of the working calendar, as the State Council publishes it each
 * autumn for the next: the public holidays (days off, weekends inside a
 * holiday included) and the make-up working days (调休), weekend days that
 * move into the working week. Every other Saturday and Sunday is off and
 * every other weekday is a working day.
 */
export const calendarYearFields = z.strictObject({
  year: z.number().int().min(2000).max(2099),
  holidays: dates,
  workdays: dates,
  /** Where it comes from (the notice and its date), for whoever checks it. */
  source: line(300).optional(),
});
export const calendarYearSchema = calendarYearFields.superRefine((calendar, ctx) => {
    const prefix = `${calendar.year}-`;
    for (const field of ['holidays', 'workdays'] as const) {
      calendar[field].forEach((day, index) => {
        if (!day.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: [field, index], message: `must fall in ${calendar.year}` });
      });
    }
    const off = new Set(calendar.holidays);
    calendar.workdays.forEach((day, index) => {
      if (off.has(day)) ctx.addIssue({ code: 'custom', path: ['workdays', index], message: 'is also listed as a holiday' });
      else if (!isWeekend(day)) ctx.addIssue({ code: 'custom', path: ['workdays', index], message: 'is a weekday: only a Saturday or Sunday can be made a working day' });
    });
  });
export type CalendarYear = z.infer<typeof calendarYearSchema>;
/** What an administrator sends for a year: the year is in the path. */
export const calendarYearInput = calendarYearFields.omit({ year: true });

/** `GET /api/calendar/{year}`: the year as deadlines count it, and whose it is. */
export const effectiveYearSchema = z.strictObject({
  calendar: calendarYearFields,
  /** `directory`: an administrator's; `shipped`: as Huiyin ships it; `weekends-only`: none entered yet. */
  origin: z.enum(['directory', 'shipped', 'weekends-only']),
  revision: z.number().int(),
});
export const yearParams = z.strictObject({ year: z.string().regex(/^20[0-9]{2}$/, 'a year from 2000 to 2099') });
