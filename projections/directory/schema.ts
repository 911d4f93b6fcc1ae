/**
 * Tables of directory@2 (v2 added case categories). The version is in every
 * name, so a new version rebuilds beside these while they still answer.
 */
export const DIRECTORY_VERSION = 2;
const prefix = `directory_v${DIRECTORY_VERSION}`;

export const tables = {
  areas: `${prefix}_areas`,
  stations: `${prefix}_stations`,
  deputies: `${prefix}_deputies`,
  /** Which stations a deputy serves at; `ord` keeps the order they were given in. */
  deputyStations: `${prefix}_deputy_stations`,
  categories: `${prefix}_categories`,
} as const;

export const directoryDdl: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS ${tables.areas} (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${tables.stations} (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL,
    area_code           TEXT NOT NULL,
    address             TEXT NOT NULL,
    reception_schedule  TEXT NOT NULL
  ) WITHOUT ROWID`,
  // Area-code prefixes become range scans on this index.
  `CREATE INDEX IF NOT EXISTS ${tables.stations}_by_area ON ${tables.stations} (area_code, id)`,
  `CREATE TABLE IF NOT EXISTS ${tables.deputies} (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    level TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${tables.deputyStations} (
    deputy_id  TEXT NOT NULL,
    station_id TEXT NOT NULL,
    ord        INTEGER NOT NULL,
    PRIMARY KEY (deputy_id, station_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS ${tables.deputyStations}_by_station ON ${tables.deputyStations} (station_id, deputy_id)`,
  `CREATE TABLE IF NOT EXISTS ${tables.categories} (
    id              TEXT PRIMARY KEY,
    area_code       TEXT NOT NULL,
    code            TEXT NOT NULL,
    name_zh         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    default_urgency TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS ${tables.categories}_by_area ON ${tables.categories} (area_code, code)`,
];
