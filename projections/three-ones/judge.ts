import type { DeputyThreeOnes } from '../../contracts/three-ones.js';
import { dutyStatus, monthStartMs } from './calendar.js';
import type { DeputyRow, DutyRow } from './queries.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * One deputy's 三个一 from their own duty counts for a China-time year, judged as of `now`: twelve
 * months (a contact each), four quarters (an activity each), the year (a
 * report-back), and whether anything due was missed.
 */
export function judgeThreeOnes(deputy: DeputyRow, duties: readonly DutyRow[], year: number, now: string): DeputyThreeOnes {
  const counts = new Map(duties.map((d) => [`${d.duty} ${d.period}`, d.count]));
  const count = (duty: DutyRow['duty'], period: string) => counts.get(`${duty} ${period}`) ?? 0;
  const joinedMs = Date.parse(deputy.joinedAt);
  const nowMs = Date.parse(now);
  const bounds = (firstMonth: number, months: number) => ({ startMs: monthStartMs(year, firstMonth), endMs: monthStartMs(year, firstMonth + months) });

  const months = Array.from({ length: 12 }, (_, m) => {
    const period = `${year}-${pad(m + 1)}`;
    const contacts = count('contact', period);
    return { period, status: dutyStatus(contacts, bounds(m, 1), joinedMs, nowMs), contacts };
  });
  const quarters = Array.from({ length: 4 }, (_, q) => {
    const period = `${year}-Q${q + 1}`;
    const activities = count('activity', period);
    return { period, status: dutyStatus(activities, bounds(q * 3, 3), joinedMs, nowMs), activities };
  });
  const reportBacks = count('report-back', String(year));
  const whole = { period: String(year), status: dutyStatus(reportBacks, bounds(0, 12), joinedMs, nowMs), reportBacks };
  const missed = {
    months: months.filter((m) => m.status === 'missed').length,
    quarters: quarters.filter((q) => q.status === 'missed').length,
    year: whole.status === 'missed',
  };
  return {
    deputyId: deputy.id,
    name: deputy.name,
    joinedAt: deputy.joinedAt,
    months,
    quarters,
    year: whole,
    behind: missed.months > 0 || missed.quarters > 0 || missed.year,
    missed,
  };
}
