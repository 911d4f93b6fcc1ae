import { isWeekend, type CalendarYear } from '../../contracts/calendar.js';

import { CHINA_OFFSET_MS, chinaDateOf } from '../../contracts/time.js';

export { chinaDateOf };
const DAY_MS = 86_400_000;
// Deadlines are asked for on every receipt and reopening, and by the
// deadlines read model for every event that moves a timer: walking the
// days each time was a twentieth of a receipt's CPU under load.
const KEPT_ANSWERS = 4_096;

const nextDate = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * Which days are working days: weekdays, less the public holidays, plus
 * the make-up working days (调休), year by year. A year it has no calendar
 * for counts weekends only, and says so (`knows`), so a deadline is never
 * refused for a year nobody has entered yet.
 */
export class WorkingCalendar {
  readonly #off = new Set<string>();
  readonly #on = new Set<string>();
  readonly #years = new Set<number>();
  /** Answers by China-time day, count and closing hour: they depend on nothing else. */
  readonly #answers = new Map<string, number>();

  constructor(years: Iterable<CalendarYear>) {
    for (const year of years) {
      this.#years.add(year.year);
      for (const day of year.holidays) this.#off.add(day);
      for (const day of year.workdays) this.#on.add(day);
    }
  }

  /** Whether holidays and make-up days are known for the year (else weekends alone count). */
  knows(year: number): boolean {
    return this.#years.has(year);
  }

  isWorkingDay(day: string): boolean {
    if (this.#on.has(day)) return true;
    if (this.#off.has(day)) return false;
    return !isWeekend(day);
  }

  /**
   * The end of the `count`th working day after the China-time day `fromMs`
   * falls on, at `endsAt` ('18:00') China time. The day the matter arrives
   * is not counted, whatever the hour (as periods are counted in Chinese
   * law): received on a Friday or during a holiday, the first day is the
   * next working day.
   */
  addWorkingDays(fromMs: number, count: number, endsAt: string): number {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`working days must be a whole number from 1, not ${count}`);
    const key = `${Math.floor((fromMs + CHINA_OFFSET_MS) / DAY_MS)}|${count}|${endsAt}`;
    const known = this.#answers.get(key);
    if (known !== undefined) return known;
    let day = chinaDateOf(fromMs);
    for (let counted = 0; counted < count; ) {
      day = nextDate(day);
      if (this.isWorkingDay(day)) counted++;
    }
    const answer = Date.parse(`${day}T${endsAt}:00+08:00`);
    if (this.#answers.size >= KEPT_ANSWERS) this.#answers.clear();
    this.#answers.set(key, answer);
    return answer;
  }
}
