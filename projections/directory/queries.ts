import type Database from 'better-sqlite3';
import { areaAndAbove } from '../../contracts/area.js';
import type { Area, Category, Deputy, Station } from '../../contracts/directory.js';
import { tables as t } from './schema.js';
import { preparedPerDb } from '../prepared.js';

export interface StationRow {
  id: string;
  name: string;
  kind: Station['kind'];
  area_code: string;
  address: string;
  reception_schedule: string;
}
interface DeputyRow {
  id: string;
  name: string;
  level: Deputy['level'];
}

// Area codes are digits, and ':' sorts right after '9': [p, p + ':') is
// every code starting with p, as a range the index can scan.
const AREA_RANGE = (column: string) => `(@area IS NULL OR (${column} >= @area AND ${column} < @area || ':'))`;

function prepare(db: Database.Database) {
  return {
    areas: db.prepare<{ area: string | null }, Area>(
      `SELECT code, name FROM ${t.areas} WHERE ${AREA_RANGE('code')} ORDER BY code`,
    ),
    area: db.prepare<[string], Area>(`SELECT code, name FROM ${t.areas} WHERE code = ?`),
    stations: db.prepare<{ area: string | null }, StationRow>(
      `SELECT * FROM ${t.stations} WHERE ${AREA_RANGE('area_code')} ORDER BY area_code, name, id`,
    ),
    station: db.prepare<[string], StationRow>(`SELECT * FROM ${t.stations} WHERE id = ?`),
    // A deputy is in an area when any of their stations is.
    deputies: db.prepare<{ area: string | null; station: string | null }, DeputyRow>(
      `SELECT d.id, d.name, d.level FROM ${t.deputies} d
       WHERE (@station IS NULL OR EXISTS (
               SELECT 1 FROM ${t.deputyStations} ds WHERE ds.deputy_id = d.id AND ds.station_id = @station))
         AND (@area IS NULL OR EXISTS (
               SELECT 1 FROM ${t.deputyStations} ds JOIN ${t.stations} s ON s.id = ds.station_id
               WHERE ds.deputy_id = d.id AND ${AREA_RANGE('s.area_code')}))
       ORDER BY d.name, d.id`,
    ),
    deputy: db.prepare<[string], DeputyRow>(`SELECT id, name, level FROM ${t.deputies} WHERE id = ?`),
    // Categories of the given areas (a JSON array), narrowest area first, then by code.
    categories: db.prepare<{ areas: string | null }, Category>(
      `SELECT id, area_code AS areaCode, code, name_zh AS nameZh, name_en AS nameEn, default_urgency AS defaultUrgency
       FROM ${t.categories}
       WHERE @areas IS NULL OR area_code IN (SELECT value FROM json_each(@areas))
       ORDER BY length(area_code) DESC, area_code, code`,
    ),
    stationsOf: db.prepare<[string], { deputy_id: string; station_id: string }>(
      `SELECT deputy_id, station_id FROM ${t.deputyStations}
       WHERE deputy_id IN (SELECT value FROM json_each(?)) ORDER BY deputy_id, ord`,
    ),
  };
}

const statementsFor = preparedPerDb(prepare);

/** A station as its row stores it. */
export const toStation = (row: StationRow): Station => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  areaCode: row.area_code,
  address: row.address,
  receptionSchedule: row.reception_schedule,
});

function withStations(db: Database.Database, rows: DeputyRow[]): Deputy[] {
  const links = statementsFor(db).stationsOf.all(JSON.stringify(rows.map((row) => row.id)));
  const byDeputy = new Map<string, string[]>();
  for (const link of links) byDeputy.set(link.deputy_id, [...(byDeputy.get(link.deputy_id) ?? []), link.station_id]);
  return rows.map((row) => ({ ...row, stationIds: byDeputy.get(row.id) ?? [] }));
}

/** Areas whose code starts with `area` (all when absent), by code. */
export function listAreas(db: Database.Database, filter: { area?: string } = {}): Area[] {
  return statementsFor(db).areas.all({ area: filter.area ?? null });
}

export function getArea(db: Database.Database, code: string): Area | undefined {
  return statementsFor(db).area.get(code);
}

/** Stations whose area code starts with `area`, by area then name. */
export function listStations(db: Database.Database, filter: { area?: string } = {}): Station[] {
  return statementsFor(db).stations.all({ area: filter.area ?? null }).map(toStation);
}

export function getStation(db: Database.Database, id: string): Station | undefined {
  const row = statementsFor(db).station.get(id);
  return row && toStation(row);
}

/** Deputies at `station` and/or with any station in `area`, by name. */
export function listDeputies(db: Database.Database, filter: { station?: string; area?: string } = {}): Deputy[] {
  const rows = statementsFor(db).deputies.all({ station: filter.station ?? null, area: filter.area ?? null });
  return withStations(db, rows);
}

export function getDeputy(db: Database.Database, id: string): Deputy | undefined {
  const row = statementsFor(db).deputy.get(id);
  return row && withStations(db, [row])[0];
}

/**
 * The case categories that apply in `area`: its own list and those of the
 * areas above it, narrowest first; a code listed at two levels is offered
 * once, as the narrower area defines it. Every category when no area is given.
 */
export function listCategories(db: Database.Database, filter: { area?: string } = {}): Category[] {
  const areas = filter.area === undefined ? null : JSON.stringify(areaAndAbove(filter.area));
  const rows = statementsFor(db).categories.all({ areas });
  if (filter.area === undefined) return rows;
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.code) && seen.add(row.code));
}
