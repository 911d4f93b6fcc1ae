/**
 * The dashboard's calendar. Stations count their days in China Standard
 * Time (UTC+8, no daylight saving): a matter raised at a Monday 07:00
 * reception belongs to Monday, although it is still Sunday in UTC. Every
 * figure is summed per hour, day or month of that calendar, so a period of
 * any length reads a few dozen rows per station, never one per case.
 */
export const DAY_OFFSET_MS = 8 * 3_600_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const TIME_ZONE = '+08:00';

export type Grain = 'h' | 'd' | 'm' | 'y';

export interface PeriodKeys {
  readonly h: string;
  readonly d: string;
  readonly m: string;
  readonly y: string;
}

// The keys depend on the hour alone (China time is a whole number of hours
// from UTC), and every event files several figures under a few hours: kept,
// they are not formatted again. Bounded, so a long log cannot grow it.
const keysOfHour = new Map<number, PeriodKeys>();
const KEPT_HOURS = 100_000;

/** The hour ('2026-06-13T09'), day, month ('2026-06') and year a moment falls in, China time. */
export function periodKeys(ms: number): PeriodKeys {
  const hour = Math.floor(ms / HOUR_MS);
  let keys = keysOfHour.get(hour);
  if (!keys) {
    const local = new Date(hour * HOUR_MS + DAY_OFFSET_MS).toISOString();
    keys = { h: local.slice(0, 13), d: local.slice(0, 10), m: local.slice(0, 7), y: local.slice(0, 4) };
    if (keysOfHour.size >= KEPT_HOURS) keysOfHour.clear();
    keysOfHour.set(hour, keys);
  }
  return keys;
}

/** The instant a China-time date ('2026-06-13') begins. */
export const dayStartMs = (date: string): number => Date.parse(`${date}T00:00:00${TIME_ZONE}`);

/** The China-time date a moment falls on. */
export const dateOf = (ms: number): string => periodKeys(ms).d;

/** The first instant of the China-time month after the one `ms` falls in. */
function nextMonthStartMs(ms: number): number {
  const local = new Date(ms + DAY_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - DAY_OFFSET_MS;
}

/** The first instant of the China-time year after the one `ms` falls in. */
function nextYearStartMs(ms: number): number {
  return Date.UTC(new Date(ms + DAY_OFFSET_MS).getUTCFullYear() + 1, 0, 1) - DAY_OFFSET_MS;
}

const isDayStart = (ms: number) => (ms + DAY_OFFSET_MS) % DAY_MS === 0;
const isMonthStart = (ms: number) => isDayStart(ms) && new Date(ms + DAY_OFFSET_MS).getUTCDate() === 1;
const isYearStart = (ms: number) => isMonthStart(ms) && new Date(ms + DAY_OFFSET_MS).getUTCMonth() === 0;

/** A run of same-grain keys, inclusive at both ends. */
export interface Segment {
  grain: Grain;
  first: string;
  last: string;
}

/**
 * [fromMs, toMs) as the fewest hour, day, month and year keys, both ends on
 * hour boundaries: whole years and months where they fit, whole days at the
 * edges, hours only at the very end (the deadlines of today whose hour has
 * passed).
 */
export function segmentsOf(fromMs: number, toMs: number): Segment[] {
  const segments: Segment[] = [];
  let at = fromMs;
  while (at < toMs) {
    let grain: Grain = 'h';
    let next = at + HOUR_MS;
    if (isYearStart(at) && nextYearStartMs(at) <= toMs) {
      grain = 'y';
      next = nextYearStartMs(at);
    } else if (isMonthStart(at) && nextMonthStartMs(at) <= toMs) {
      grain = 'm';
      next = nextMonthStartMs(at);
    } else if (isDayStart(at) && at + DAY_MS <= toMs) {
      grain = 'd';
      next = at + DAY_MS;
    }
    const key = periodKeys(at)[grain];
    const last = segments.at(-1);
    if (last?.grain === grain) last.last = key;
    else segments.push({ grain, first: key, last: key });
    at = next;
  }
  return segments;
}
