import type { Dashboard, Figures, Rate } from '../../../../../contracts/dashboard';
import { addDays } from '../../lib/time.js';

/**
 * The dashboard's figures arranged for reading: rates as a fraction and a
 * percentage, weeks for the trend, rows for the tables that stand beside
 * (and for a screen reader, instead of) each chart. No page, no fetching.
 */

export type RateName = keyof Figures['rates'];
export const RATE_NAMES: readonly RateName[] = ['response', 'resolution', 'satisfaction'];

export interface RateReading {
  /** "28.6%", or null when the sample is under the minimum and no rate is given. */
  percent: string | null;
  numerator: number;
  denominator: number;
}

export function readRate(rate: Rate): RateReading {
  const percent = rate.value === null ? null : `${(Math.round(rate.value * 1000) / 10).toFixed(1)}%`;
  return { percent, numerator: rate.numerator, denominator: rate.denominator };
}

export interface Period {
  from: string;
  to: string;
}

/** The last `days` China days up to and including `today`. */
export function periodOf(today: string, days: number): Period {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** `count` seven-day weeks ending today, oldest first, so the trend reads left to right. */
export function lastWeeks(today: string, count = 8): Period[] {
  const weeks: Period[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const to = addDays(today, -7 * i);
    weeks.push({ from: addDays(to, -6), to });
  }
  return weeks;
}

export interface BreakdownRow {
  key: string;
  name: string;
  total: number;
  open: number;
  answered: number;
  closed: number;
  overdueNow: number;
  escalatedNow: number;
  response: RateReading;
}

function rowOf(key: string, name: string | null, figures: Figures): BreakdownRow {
  return {
    key,
    name: name ?? key,
    total: figures.cases.total,
    open: figures.cases.byGroup.open,
    answered: figures.cases.byGroup.answered,
    closed: figures.cases.byGroup.closed,
    overdueNow: figures.overdueNow,
    escalatedNow: figures.escalatedNow,
    response: readRate(figures.rates.response),
  };
}

/** One row per station, busiest first. */
export const stationRows = (d: Dashboard): BreakdownRow[] =>
  d.byStation.map((s) => rowOf(s.stationId, s.name, s)).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));

/** One row per child area, busiest first. */
export const areaRows = (d: Dashboard): BreakdownRow[] =>
  d.byArea.map((a) => rowOf(a.areaCode, a.name, a)).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));

/** Categories with their names (a code the directory does not know is shown as is), most cases first. */
export function categoryRows(byCategory: Record<string, number>, nameOf: (code: string) => string): { key: string; name: string; count: number }[] {
  return Object.entries(byCategory)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ key: code, name: nameOf(code), count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
}

/** "百车河 5、蟠龙镇 3" — the words a screen reader hears for a chart. */
export const spokenSeries = (items: { name: string; value: number | string }[], separator = '、'): string =>
  items.map((i) => `${i.name} ${i.value}`).join(separator);
