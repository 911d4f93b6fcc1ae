import type Database from 'better-sqlite3';
import type { DeputyThreeOnes } from '../../contracts/three-ones.js';
import type { Projection } from '../runner.js';
import { evolveThreeOnes } from './evolve.js';
import { judgeThreeOnes } from './judge.js';
import { readDeputies, readDuties, type DeputyFilter, type DutyRow } from './queries.js';
import { THREE_ONES_VERSION, threeOnesDdl } from './schema.js';

/**
 * three-ones@1: each deputy's contacts per China-time month, activities per
 * quarter and report-backs per year, counted from the events that record
 * them (receptions and site checks on cases, registered visits, appointments
 * held, activities held); the deputies and their stations' areas from the
 * directory; and every activity as it stands, for the activity lists.
 */
export const threeOnesProjection: Projection = {
  name: 'three-ones',
  version: THREE_ONES_VERSION,
  filter: { kind: 'category', categories: ['deputy', 'station', 'case', 'visit', 'appointment', 'activity'] },
  ddl: threeOnesDdl,
  evolve: evolveThreeOnes,
};

/** The 三个一 of the deputies the filter selects, for one China-time year, as of `now`. */
export function readThreeOnes(db: Database.Database, filter: DeputyFilter, year: number, now: string): DeputyThreeOnes[] {
  const deputies = readDeputies(db, filter);
  if (deputies.length === 0) return [];
  const byDeputy = new Map<string, DutyRow[]>();
  for (const duty of readDuties(db, deputies.map((d) => d.id), year)) {
    const own = byDeputy.get(duty.deputyId);
    if (own) own.push(duty);
    else byDeputy.set(duty.deputyId, [duty]);
  }
  return deputies.map((deputy) => judgeThreeOnes(deputy, byDeputy.get(deputy.id) ?? [], year, now));
}

export { chinaPeriodsOf } from './calendar.js';
export { readActivities, readDeputies, readUpcomingActivities, type ActivityRow, type DeputyFilter, type DeputyRow } from './queries.js';
export { threeOnesTables } from './schema.js';
