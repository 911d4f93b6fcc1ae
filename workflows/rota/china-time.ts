import { chinaDateOf } from '../time/working-days.js';

/**
 * Reception days are kept in China time (UTC+8, no daylight saving): a
 * session is `HH:MM` on a weekday, a change names a China date; receptions
 * are answered as UTC instants.
 */
const DAY_MS = 86_400_000;

export { chinaDateOf };

/** The China date of an ISO instant. */
export const chinaDateOfInstant = (iso: string): string => chinaDateOf(Date.parse(iso));

/** The UTC instant of a China date and time of day. */
export const chinaInstant = (date: string, time: string): string => new Date(`${date}T${time}:00+08:00`).toISOString();

/** The date `days` after `date` (negative: before). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** ISO weekday of a date: Monday 1 … Sunday 7. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
