import type Database from 'better-sqlite3';
import type { DashboardScope, Figures } from '../../contracts/dashboard.js';
import { preparedPerDb } from '../prepared.js';
import { FigureTally, figuresOf, type HistogramRow, type TallyRow } from './figures.js';
import { DAY_MS, HOUR_MS, dateOf, dayStartMs, segmentsOf, type Segment } from './periods.js';
import { T } from './schema.js';

/** Statements by their SQL: one per scope shape, prepared once per handle. */
const statementCache = preparedPerDb(() => new Map<string, Database.Statement>());
function rows<R>(db: Database.Database, sql: string, params: unknown[]): R[] {
  const cache = statementCache(db);
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement.all(...params) as R[];
}

/** The scope as SQL on (area, station): a code range for the prefix, a station list. */
function scopeSql(scope: DashboardScope): { sql: string; params: unknown[] } {
  let sql = '';
  const params: unknown[] = [];
  if (scope.areaPrefix) {
    // ';' sorts right after '9': every code that starts with the prefix.
    sql += ' AND area >= ? AND area < ?';
    params.push(scope.areaPrefix, `${scope.areaPrefix};`);
  }
  if (scope.stationIds) {
    sql += ' AND station IN (SELECT value FROM json_each(?))';
    params.push(JSON.stringify(scope.stationIds));
  }
  return { sql, params };
}

export const FIGURE_DIMS = ['status', 'channel', 'urgency', 'category', 'followup', 'done', 'answered'];
export const DEADLINE_DIMS = ['due', 'met'];

/** The tallies of `dims` summed over the segments, per station. */
export function readTallies(db: Database.Database, scope: DashboardScope, segments: readonly Segment[], dims: readonly string[]): TallyRow[] {
  const where = scopeSql(scope);
  // Summed in JS, not by GROUP BY: a temporary B-tree over every row cost
  // more than the sum it saved (a city's year: 110 ms against 70).
  const sql = `SELECT area, station, dim, value, n FROM ${T.tallies}
    WHERE grain = ? AND period BETWEEN ? AND ? AND dim IN (SELECT value FROM json_each(?))${where.sql}`;
  const dimList = JSON.stringify(dims);
  return segments.flatMap((s) => rows<TallyRow>(db, sql, [s.grain, s.first, s.last, dimList, ...where.params]));
}

/** The histograms of every step over the segments, a row per station and period. */
export function readHistograms(db: Database.Database, scope: DashboardScope, segments: readonly Segment[]): HistogramRow[] {
  const where = scopeSql(scope);
  const sql = `SELECT area, station, dim, buckets FROM ${T.histograms} WHERE grain = ? AND period BETWEEN ? AND ?${where.sql}`;
  return segments.flatMap((s) => rows<HistogramRow>(db, sql, [s.grain, s.first, s.last, ...where.params]));
}

/** Open, escalated-open and overdue cases per station now: overdue reads only the cases past their deadline. */
export function readNow(db: Database.Database, scope: DashboardScope, nowMs: number): TallyRow[] {
  const where = scopeSql(scope);
  const open = rows<{ area: string; station: string; open: number; escalated: number }>(
    db, `SELECT area, station, open, escalated FROM ${T.now} WHERE 1${where.sql}`, where.params,
  );
  const overdue = rows<{ area: string; station: string; n: number }>(
    db, `SELECT area, station, COUNT(*) AS n FROM ${T.overdue} WHERE due_ms < ?${where.sql} GROUP BY area, station`, [nowMs, ...where.params],
  );
  return [
    ...open.flatMap((r) => [{ ...r, dim: 'open', value: '', n: r.open }, { ...r, dim: 'escalated', value: '', n: r.escalated }]),
    ...overdue.map((r) => ({ ...r, dim: 'overdue', value: '' })),
  ];
}

/** The next level of area codes below a prefix: province 2, city 4, county 6, township 9, village 12 digits. */
export function childLengthOf(prefix: string): number | undefined {
  return [2, 4, 6, 9, 12].find((length) => length > prefix.length);
}

export interface DashboardRequest {
  scope: DashboardScope;
  /** First and last day, China time, both included. */
  from: string;
  to: string;
  nowMs: number;
  minSample: number;
}

export interface DashboardFigures extends Figures {
  byArea: Array<Figures & { areaCode: string }>;
  byStation: Array<Figures & { stationId: string; areaCode: string }>;
}

/**
 * The dashboard of a scope and period: a few hundred summed rows per
 * station, whatever the number of cases. Reply deadlines count up to the
 * last hour already over; `…Now` figures ignore the period.
 */
export function readDashboard(db: Database.Database, request: DashboardRequest): DashboardFigures {
  const start = dayStartMs(request.from);
  const end = dayStartMs(request.to) + DAY_MS;
  const passed = Math.min(end, Math.floor(request.nowMs / HOUR_MS) * HOUR_MS);
  const segments = segmentsOf(start, end);
  const total = new FigureTally();
  const areas = new Map<string, FigureTally>();
  const stations = new Map<string, { areaCode: string; tally: FigureTally }>();
  const childLength = childLengthOf(request.scope.areaPrefix ?? '');
  /** The tallies a row of a station counts in: the whole answer, its child area, its station. */
  const talliesOf = (row: { area: string; station: string }): FigureTally[] => {
    let station = stations.get(row.station);
    if (!station) stations.set(row.station, (station = { areaCode: row.area, tally: new FigureTally() }));
    if (childLength === undefined || row.area.length < childLength) return [total, station.tally];
    const child = row.area.slice(0, childLength);
    let area = areas.get(child);
    if (!area) areas.set(child, (area = new FigureTally()));
    return [total, area, station.tally];
  };
  for (const row of [
    ...readTallies(db, request.scope, segments, FIGURE_DIMS),
    ...readTallies(db, request.scope, segmentsOf(start, passed), DEADLINE_DIMS),
    ...readNow(db, request.scope, request.nowMs),
  ]) {
    for (const tally of talliesOf(row)) tally.add(row);
  }
  for (const row of readHistograms(db, request.scope, segments)) {
    for (const tally of talliesOf(row)) tally.addHistogram(row);
  }
  const byKey = <V>(map: Map<string, V>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    ...figuresOf(total, request.minSample),
    byArea: byKey(areas).map(([areaCode, tally]) => ({ areaCode, ...figuresOf(tally, request.minSample) })),
    byStation: byKey(stations).map(([stationId, s]) => ({ stationId, areaCode: s.areaCode, ...figuresOf(s.tally, request.minSample) })),
  };
}

export interface TotalsFigures {
  voterReceptions: number;
  opinionsCollected: { online: number; offline: number; total: number };
  practicalThingsDone: number;
  casesAnswered: number;
}

/**
 * The running totals a city reports, as far as cases tell them. A voter
 * reception here is a case received at a reception day or a deputy's home,
 * one per case; the registration form's visits correct this (one per
 * visit, services/read-side/totals.ts).
 * Opinions count every matter: online are those raised without meeting
 * anyone (online messages, the hotline), offline those raised in person
 * (reception days, home visits, appointments).
 */
export function readTotals(db: Database.Database, scope: DashboardScope, since: string | undefined, nowMs: number): TotalsFigures {
  const segments: Segment[] = since === undefined
    ? [{ grain: 'y', first: '0000', last: '9999' }]
    : segmentsOf(dayStartMs(since), dayStartMs(dateOf(nowMs)) + DAY_MS);
  const tally = new FigureTally();
  for (const row of readTallies(db, scope, segments, ['channel', 'done', 'answered'])) tally.add(row);
  const c = tally.byChannel();
  const online = c['online-message'] + c.hotline;
  const offline = c['reception-day'] + c['home-visit'] + c.appointment;
  return {
    voterReceptions: c['reception-day'] + c['home-visit'],
    opinionsCollected: { online, offline, total: online + offline },
    practicalThingsDone: tally.done,
    casesAnswered: tally.answered,
  };
}
