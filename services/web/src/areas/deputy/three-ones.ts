import type { DeputyThreeOnes } from '../../../../../contracts/three-ones.js';

/**
 * What is still missing of a deputy's 三个一, plainly: the months without a
 * contact, the quarters without an activity, the year's report-back. Each
 * as a key under deputy.threeOnes.missing and its values.
 */
export interface Gap {
  key: 'months' | 'quarters' | 'year' | 'monthOpen' | 'quarterOpen' | 'yearOpen';
  values: Record<string, string | number>;
}

const monthOf = (period: string) => Number(period.slice(5, 7));
const quarterOf = (period: string) => Number(period.slice(-1));

export function gaps(d: DeputyThreeOnes): Gap[] {
  const out: Gap[] = [];
  const missedMonths = d.months.filter((m) => m.status === 'missed').map((m) => monthOf(m.period));
  if (missedMonths.length) out.push({ key: 'months', values: { n: missedMonths.length, list: missedMonths.join('、') } });
  const openMonth = d.months.find((m) => m.status === 'open');
  if (openMonth) out.push({ key: 'monthOpen', values: { month: monthOf(openMonth.period) } });
  const missedQuarters = d.quarters.filter((q) => q.status === 'missed').map((q) => quarterOf(q.period));
  if (missedQuarters.length) out.push({ key: 'quarters', values: { n: missedQuarters.length, list: missedQuarters.join('、') } });
  const openQuarter = d.quarters.find((q) => q.status === 'open');
  if (openQuarter) out.push({ key: 'quarterOpen', values: { quarter: quarterOf(openQuarter.period) } });
  if (d.year.status === 'missed') out.push({ key: 'year', values: {} });
  if (d.year.status === 'open') out.push({ key: 'yearOpen', values: {} });
  return out;
}

/** Of the periods that count (judged or open), how many are met. */
export function tally(periods: readonly { status: string }[]): { met: number; counted: number } {
  const counted = periods.filter((p) => p.status !== 'not-due');
  return { met: counted.filter((p) => p.status === 'met').length, counted: counted.length };
}
