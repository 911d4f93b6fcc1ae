/** three-ones@1's tables: the version is in every name, so a new version builds beside this one. */
export const THREE_ONES_VERSION = 1;
const prefix = `three_ones_v${THREE_ONES_VERSION}`;

export const threeOnesTables = {
  /** Deputies as the directory registered them, with when (their 三个一 count from then). */
  deputies: `${prefix}_deputies`,
  deputyStations: `${prefix}_deputy_stations`,
  /** Each station's area: a deputy is in the areas of their stations. */
  stations: `${prefix}_stations`,
  /** How often a deputy did each duty in each China-time period. */
  duties: `${prefix}_duties`,
  /** Every activity as it stands, for the lists and the online station. */
  activities: `${prefix}_activities`,
} as const;
const t = threeOnesTables;

export const threeOnesDdl: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS ${t.deputies} (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, joined_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${t.deputyStations} (
    deputy_id TEXT NOT NULL, station_id TEXT NOT NULL, PRIMARY KEY (deputy_id, station_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS ${t.deputyStations}_by_station ON ${t.deputyStations} (station_id, deputy_id)`,
  `CREATE TABLE IF NOT EXISTS ${t.stations} (id TEXT PRIMARY KEY, area_code TEXT NOT NULL) WITHOUT ROWID`,
  // duty: contact | activity | report-back; period: 2026-04, 2026-Q2 or 2026 (a year's rows are one key range).
  `CREATE TABLE IF NOT EXISTS ${t.duties} (
    deputy_id TEXT NOT NULL, duty TEXT NOT NULL, period TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (deputy_id, period, duty)
  ) WITHOUT ROWID`,
  // `at`: when it is (to be) held — the held time once held, else the announced start.
  `CREATE TABLE IF NOT EXISTS ${t.activities} (
    id TEXT PRIMARY KEY, status TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, place TEXT NOT NULL,
    area_code TEXT NOT NULL, station_id TEXT, starts_at TEXT, ends_at TEXT, held_at TEXT, at TEXT NOT NULL,
    deputy_ids TEXT NOT NULL, attendance INTEGER, summary TEXT, cancel_reason TEXT
  ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS ${t.activities}_by_area ON ${t.activities} (area_code, at)`,
  `CREATE INDEX IF NOT EXISTS ${t.activities}_by_status ON ${t.activities} (status, at)`,
];
