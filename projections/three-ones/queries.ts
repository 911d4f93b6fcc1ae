import type Database from 'better-sqlite3';
import type { ActivityKind } from '../../contracts/activities.js';
import { preparedPerDb } from '../prepared.js';
import { threeOnesTables as t } from './schema.js';

export interface DeputyRow {
  id: string;
  name: string;
  joinedAt: string;
}
export interface DutyRow {
  deputyId: string;
  duty: 'contact' | 'activity' | 'report-back';
  period: string;
  count: number;
}
export interface ActivityRow {
  id: string;
  status: 'announced' | 'held' | 'cancelled';
  kind: ActivityKind;
  title: string;
  place: string;
  areaCode: string;
  stationId: string | null;
  startsAt: string | null;
  endsAt: string | null;
  heldAt: string | null;
  at: string;
  deputyIds: string[];
  attendance: number | null;
  summary: string | null;
  cancelReason: string | null;
}

/** Which deputies: those with a station in the area (a code prefix), at one of the stations, or one by id. */
export interface DeputyFilter {
  area?: string;
  stationIds?: readonly string[];
  deputyId?: string;
}

// Area codes are digits and ':' sorts right after '9': [p, p + ':') is every code starting with p.
const IN_AREA = (column: string) => `(@area IS NULL OR (${column} >= @area AND ${column} < @area || ':'))`;
const ACTIVITY_COLUMNS = `id, status, kind, title, place, area_code AS areaCode, station_id AS stationId, starts_at AS startsAt,
  ends_at AS endsAt, held_at AS heldAt, at, deputy_ids AS deputyIds, attendance, summary, cancel_reason AS cancelReason`;
type StoredActivity = Omit<ActivityRow, 'deputyIds'> & { deputyIds: string };

const statementsFor = preparedPerDb((db: Database.Database) => ({
  deputies: db.prepare<{ area: string | null; stations: string | null; deputy: string | null }, DeputyRow>(`
    SELECT d.id, d.name, d.joined_at AS joinedAt FROM ${t.deputies} d
    WHERE (@deputy IS NULL OR d.id = @deputy)
      AND (@stations IS NULL OR EXISTS (SELECT 1 FROM ${t.deputyStations} ds
           WHERE ds.deputy_id = d.id AND ds.station_id IN (SELECT value FROM json_each(@stations))))
      AND (@area IS NULL OR EXISTS (SELECT 1 FROM ${t.deputyStations} ds JOIN ${t.stations} s ON s.id = ds.station_id
           WHERE ds.deputy_id = d.id AND ${IN_AREA('s.area_code')}))
    ORDER BY d.name, d.id`),
  duties: db.prepare<{ deputies: string; from: string; to: string }, DutyRow>(`
    SELECT deputy_id AS deputyId, duty, period, count FROM ${t.duties}
    WHERE deputy_id IN (SELECT value FROM json_each(@deputies)) AND period >= @from AND period < @to`),
  activities: db.prepare<{ area: string | null; from: string; to: string; limit: number }, StoredActivity>(`
    SELECT ${ACTIVITY_COLUMNS} FROM ${t.activities}
    WHERE ${IN_AREA('area_code')} AND at >= @from AND at < @to ORDER BY at, id LIMIT @limit`),
  // Announced and not over: not yet ended (or, without an end, not yet begun).
  upcoming: db.prepare<{ area: string | null; now: string; limit: number }, StoredActivity>(`
    SELECT ${ACTIVITY_COLUMNS} FROM ${t.activities}
    WHERE status = 'announced' AND coalesce(ends_at, starts_at) >= @now AND ${IN_AREA('area_code')}
    ORDER BY at, id LIMIT @limit`),
}));

const parsed = (row: StoredActivity): ActivityRow => ({ ...row, deputyIds: JSON.parse(row.deputyIds) as string[] });

export function readDeputies(db: Database.Database, filter: DeputyFilter): DeputyRow[] {
  return statementsFor(db).deputies.all({
    area: filter.area ?? null,
    stations: filter.stationIds ? JSON.stringify(filter.stationIds) : null,
    deputy: filter.deputyId ?? null,
  });
}

/** Every duty count of these deputies in a China-time year (its months, quarters and the year itself). */
export function readDuties(db: Database.Database, deputyIds: readonly string[], year: number): DutyRow[] {
  // '2026' < '2026-01' < … < '2026-Q4' < '2027': the year's keys are one range.
  return statementsFor(db).duties.all({ deputies: JSON.stringify(deputyIds), from: String(year), to: String(year + 1) });
}

export function readActivities(db: Database.Database, range: { area?: string; from?: string; to?: string; limit: number }): ActivityRow[] {
  return statementsFor(db)
    .activities.all({ area: range.area ?? null, from: range.from ?? '', to: range.to ?? '~', limit: range.limit })
    .map(parsed);
}

export function readUpcomingActivities(db: Database.Database, filter: { area?: string; now: string; limit: number }): ActivityRow[] {
  return statementsFor(db).upcoming.all({ area: filter.area ?? null, now: filter.now, limit: filter.limit }).map(parsed);
}
