import type Database from 'better-sqlite3';
import { pinyin } from 'pinyin-pro';
import { areaAndAbove } from '../../contracts/area.js';
import type { Area, Deputy, Station } from '../../contracts/directory.js';
import { preparedPerDb } from '../prepared.js';
import { toStation, type StationRow } from './queries.js';
import { tables as t } from './schema.js';

/**
 * The public finder's reads of the directory: places, stations and
 * deputies by what a citizen types, the areas above a place, and the
 * stations that serve it. Names are matched in JS, not SQL: pinyin cannot
 * be indexed by SQLite, and a city's directory is a few thousand rows.
 */

/**
 * How well a typed text names something: a Chinese substring, or for
 * Latin letters also the pinyin initials (fnc → 法那村) or full pinyin
 * (fanacun). Lower is better; undefined is no match.
 */
export type MatchRank = 0 | 1 | 2 | 3;

const HAN = /\p{Script=Han}/u;
const letters = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

interface Spelling {
  initials: string;
  full: string;
}
// Directory names are few and change rarely: each is spelt out once per process.
const spellings = new Map<string, Spelling>();

function spellingOf(name: string): Spelling {
  let spelling = spellings.get(name);
  if (!spelling) {
    const options = { toneType: 'none', type: 'array' } as const;
    spelling = { initials: letters(pinyin(name, { ...options, pattern: 'first' }).join('')), full: letters(pinyin(name, options).join('')) };
    spellings.set(name, spelling);
  }
  return spelling;
}

/** The text as matched: trimmed and lower-cased. */
export const normalisedQuery = (text: string): string => text.trim().toLowerCase();

/** 0 the whole name, 1 its start, 2 within it, 3 by pinyin; undefined when the name does not match. */
export function matchRank(name: string, query: string): MatchRank | undefined {
  const lower = name.toLowerCase();
  if (lower === query) return 0;
  if (lower.startsWith(query)) return 1;
  if (lower.includes(query)) return 2;
  const typed = letters(query);
  // Pinyin only for Latin input of the same letters (no digits, no Han characters), and only against Chinese names.
  if (typed.length === 0 || typed !== query.replace(/[\s']/g, '') || !HAN.test(name)) return undefined;
  const { initials, full } = spellingOf(name);
  return initials.includes(typed) || full.includes(typed) ? 3 : undefined;
}

export type PublicDeputy = Pick<Deputy, 'id' | 'name' | 'level'>;


function prepare(db: Database.Database) {
  return {
    areas: db.prepare<[], Area>(`SELECT code, name FROM ${t.areas}`),
    areasByCode: db.prepare<[string], Area>(`SELECT code, name FROM ${t.areas} WHERE code IN (SELECT value FROM json_each(?))`),
    stations: db.prepare<[], StationRow>(`SELECT * FROM ${t.stations}`),
    stationsIn: db.prepare<[string], StationRow>(
      `SELECT * FROM ${t.stations} WHERE area_code IN (SELECT value FROM json_each(?)) ORDER BY length(area_code) DESC, name, id`,
    ),
    deputies: db.prepare<[], PublicDeputy>(`SELECT id, name, level FROM ${t.deputies}`),
    deputiesAt: db.prepare<[string], PublicDeputy & { station_id: string }>(
      `SELECT ds.station_id, d.id, d.name, d.level FROM ${t.deputyStations} ds JOIN ${t.deputies} d ON d.id = ds.deputy_id
       WHERE ds.station_id IN (SELECT value FROM json_each(?)) ORDER BY ds.station_id, d.name, d.id`,
    ),
    stationsOf: db.prepare<[string], StationRow>(
      `SELECT s.* FROM ${t.deputyStations} ds JOIN ${t.stations} s ON s.id = ds.station_id WHERE ds.deputy_id = ? ORDER BY ds.ord`,
    ),
  };
}
const statementsFor = preparedPerDb(prepare);


/** The rows whose name matches, best first (then by `key`), at most `limit`. */
function bestMatches<T extends { name: string }>(rows: T[], text: string, key: (row: T) => string, limit: number): T[] {
  const query = normalisedQuery(text);
  if (query.length === 0) return [];
  return rows
    .map((row) => ({ row, rank: matchRank(row.name, query) }))
    .filter((hit): hit is { row: T; rank: NonNullable<typeof hit.rank> } => hit.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || key(a.row).localeCompare(key(b.row)))
    .slice(0, limit)
    .map((hit) => hit.row);
}

export const areasNamed = (db: Database.Database, text: string, limit: number): Area[] =>
  bestMatches(statementsFor(db).areas.all(), text, (area) => area.code, limit);

export const stationsNamed = (db: Database.Database, text: string, limit: number): Station[] =>
  bestMatches(statementsFor(db).stations.all(), text, (station) => station.id, limit).map(toStation);

export const deputiesNamed = (db: Database.Database, text: string, limit: number): PublicDeputy[] =>
  bestMatches(statementsFor(db).deputies.all(), text, (deputy) => deputy.id, limit);

/** The areas of these codes that the directory knows, in the order asked. */
export function areasByCode(db: Database.Database, codes: readonly string[]): Area[] {
  const found = new Map(statementsFor(db).areasByCode.all(JSON.stringify(codes)).map((area) => [area.code, area]));
  return codes.flatMap((code) => found.get(code) ?? []);
}

/** The areas above a place that the directory knows, the widest first. */
export const areasAbove = (db: Database.Database, code: string): Area[] => areasByCode(db, areaAndAbove(code).slice(1).reverse());

/** Stations whose area is the place or any area above it: the village room first, then the township's, the county's. */
export const stationsServing = (db: Database.Database, code: string): Station[] =>
  statementsFor(db).stationsIn.all(JSON.stringify(areaAndAbove(code))).map(toStation);

/** The stations a deputy serves at, in the order the directory gives them. */
export const stationsOfDeputy = (db: Database.Database, deputyId: string): Station[] =>
  statementsFor(db).stationsOf.all(deputyId).map(toStation);

/** Each station's deputies (what is public of them), by name. */
export function deputiesAtStations(db: Database.Database, stationIds: readonly string[]): Map<string, PublicDeputy[]> {
  const byStation = new Map<string, PublicDeputy[]>(stationIds.map((id) => [id, []]));
  for (const { station_id: stationId, ...deputy } of statementsFor(db).deputiesAt.all(JSON.stringify(stationIds))) {
    byStation.get(stationId)?.push(deputy);
  }
  return byStation;
}
