import type { DutyStatus } from '../../contracts/three-ones.js';

/** China Standard Time: UTC+8 all year, so a period's bounds are plain arithmetic. */
const OFFSET_MS = 8 * 3_600_000;

export interface ChinaPeriods {
  /** `2026-04` */
  month: string;
  /** `2026-Q2` */
  quarter: string;
  /** `2026` */
  year: string;
}

/** The China-time month, quarter and year a moment falls in (2026-03-31T17:00Z is April there). */
export function chinaPeriodsOf(iso: string): ChinaPeriods {
  const local = new Date(Date.parse(iso) + OFFSET_MS);
  const year = String(local.getUTCFullYear());
  const month = local.getUTCMonth();
  return { month: `${year}-${String(month + 1).padStart(2, '0')}`, quarter: `${year}-Q${Math.floor(month / 3) + 1}`, year };
}

/** The instant month `month` (0-based, may run past 11) of a China-time year begins. */
export const monthStartMs = (year: number, month: number): number => Date.UTC(year, month, 1) - OFFSET_MS;

export interface PeriodBounds {
  startMs: number;
  endMs: number;
}

/**
 * A period's standing: met once it holds one; otherwise nothing is asked of
 * a deputy for a period that ended before they joined or has not begun;
 * one under way is open, and one ended without it is missed.
 */
export function dutyStatus(count: number, period: PeriodBounds, joinedMs: number, nowMs: number): DutyStatus {
  if (count > 0) return 'met';
  if (period.endMs <= joinedMs || period.startMs > nowMs) return 'not-due';
  return period.endMs > nowMs ? 'open' : 'missed';
}
