import type Database from 'better-sqlite3';
import type { CaseVisibility } from '../../contracts/case/visibility.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { chinaDateOf } from '../../contracts/time.js';
import type { VisitEvent } from '../../contracts/visits.js';
import { preparedPerDb } from '../prepared.js';
import type { Projection } from '../runner.js';

export const VISITS_VERSION = 1;
export const visitTables = { visits: `visits_v${VISITS_VERSION}_visits` } as const;
const t = visitTables.visits;


const ddl = [
  `CREATE TABLE IF NOT EXISTS ${t} (
    visit_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, area_code TEXT NOT NULL, channel TEXT NOT NULL,
    received_at TEXT NOT NULL, day TEXT NOT NULL, deputy_ids TEXT NOT NULL, visitor TEXT NOT NULL,
    matters TEXT NOT NULL, cases INTEGER NOT NULL, notes TEXT, satisfaction TEXT, recorded_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS ${t}_station ON ${t} (station_id, received_at)`,
  `CREATE INDEX IF NOT EXISTS ${t}_area ON ${t} (area_code, received_at)`,
  `CREATE INDEX IF NOT EXISTS ${t}_received ON ${t} (received_at, visit_id)`,
];

const statementsFor = preparedPerDb((db: Database.Database) => ({
  put: db.prepare(`INSERT OR IGNORE INTO ${t} (visit_id, station_id, area_code, channel, received_at, day, deputy_ids, visitor, matters, cases, notes, recorded_at)
    VALUES (@visitId, @stationId, @areaCode, @channel, @receivedAt, @day, @deputyIds, @visitor, @matters, @cases, @notes, @recordedAt)`),
  rate: db.prepare(`UPDATE ${t} SET satisfaction = ? WHERE visit_id = ?`),
}));

function evolve(db: Database.Database, recorded: RecordedEvent): void {
  const event = { type: recorded.type, data: recorded.data } as VisitEvent;
  const s = statementsFor(db);
  if (event.type === 'VisitRegistered') {
    const d = event.data;
    s.put.run({
      visitId: d.visitId, stationId: d.stationId, areaCode: d.areaCode, channel: d.channel, receivedAt: d.receivedAt,
      day: chinaDateOf(Date.parse(d.receivedAt)), deputyIds: JSON.stringify(d.deputyIds), visitor: JSON.stringify(d.visitor),
      matters: JSON.stringify(d.matters), cases: d.matters.filter((m) => m.caseId !== undefined).length, notes: d.notes ?? null,
      recordedAt: String(recorded.metadata.occurredAt ?? recorded.recordedAt),
    });
  } else if (event.type === 'VisitSatisfactionRecorded') {
    s.rate.run(event.data.satisfaction, event.data.visitId);
  }
}

/**
 * visits@1: every registered visit (one voter reception each), for the
 * station's day list and the public count of receptions held. The
 * visitor's name and phone stay here for the staff; public figures read
 * counts only.
 */
export const visitsProjection: Projection = {
  name: 'visits',
  version: VISITS_VERSION,
  filter: { kind: 'category', categories: ['visit'] },
  ddl,
  evolve,
};

export interface VisitRow {
  id: string; stationId: string; areaCode: string; channel: 'reception-day' | 'home-visit'; receivedAt: string;
  deputyIds: string[]; visitor: { name: string; phone?: string; address?: string };
  matters: Array<{ summary: string; category: string; caseId?: string; answer?: string }>;
  notes: string | null; satisfaction: 'satisfied' | 'basically-satisfied' | 'unsatisfied' | null; recordedAt: string;
}

/** Visits the caller may see, newest first, after the cursor [receivedAt, id]. */
export function listVisits(
  db: Database.Database,
  visibility: CaseVisibility,
  filters: { station?: string; day?: string },
  page: { limit: number; after?: readonly unknown[] },
): { items: VisitRow[]; next: [string, string] | null } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (visibility.kind === 'none') add('0');
  if (visibility.kind === 'area') add('area_code >= ? AND area_code < ?', visibility.areaPrefix, `${visibility.areaPrefix}:`);
  if (visibility.kind === 'stations') {
    const atStations = `station_id IN (${visibility.stationIds.map(() => '?').join(', ') || 'NULL'})`;
    // A deputy sees their stations' visits and every visit they received, wherever it was.
    if (visibility.deputyId === undefined) add(atStations, ...visibility.stationIds);
    else add(`(${atStations} OR EXISTS (SELECT 1 FROM json_each(deputy_ids) WHERE value = ?))`, ...visibility.stationIds, visibility.deputyId);
  }
  if (filters.station) add('station_id = ?', filters.station);
  if (filters.day) add('day = ?', filters.day);
  if (page.after) add('(received_at, visit_id) < (?, ?)', ...page.after);
  const sql = `SELECT * FROM ${t} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, visit_id DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...params, page.limit + 1) as Array<Record<string, string | number | null>>;
  const items = rows.slice(0, page.limit).map((r): VisitRow => ({
    id: String(r.visit_id), stationId: String(r.station_id), areaCode: String(r.area_code), channel: r.channel as VisitRow['channel'],
    receivedAt: String(r.received_at), deputyIds: JSON.parse(String(r.deputy_ids)), visitor: JSON.parse(String(r.visitor)),
    matters: JSON.parse(String(r.matters)), notes: (r.notes as string | null) ?? null, satisfaction: (r.satisfaction as VisitRow['satisfaction']) ?? null,
    recordedAt: String(r.recorded_at),
  }));
  const last = items.at(-1);
  return { items, next: rows.length > page.limit && last ? [last.receivedAt, last.id] : null };
}

/** What visits add to a city's running totals, for a scope (an area prefix, or stations) since a day. */
export function visitTotals(
  db: Database.Database,
  scope: { areaPrefix?: string; stationIds?: readonly string[] },
  sinceDay?: string,
): { visits: number; casesOpened: number; answeredOnSpot: number } {
  const where: string[] = ['day >= ?'];
  const params: unknown[] = [sinceDay ?? ''];
  if (scope.areaPrefix !== undefined) {
    where.push('area_code >= ? AND area_code < ?');
    params.push(scope.areaPrefix, `${scope.areaPrefix}:`);
  }
  if (scope.stationIds !== undefined) {
    where.push(`station_id IN (${scope.stationIds.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...scope.stationIds);
  }
  const row = db
    .prepare(`SELECT count(*) AS visits, coalesce(sum(cases), 0) AS casesOpened,
      coalesce(sum(json_array_length(matters) - cases), 0) AS answeredOnSpot FROM ${t} WHERE ${where.join(' AND ')}`)
    .get(...params) as { visits: number; casesOpened: number; answeredOnSpot: number };
  return row;
}
