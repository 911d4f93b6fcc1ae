/** diary@1's tables: the version is in every name, so a new version builds beside this one. */
export const DIARY_VERSION = 1;
export const diaryTables = { cases: `diary_v${DIARY_VERSION}_cases`, entries: `diary_v${DIARY_VERSION}_entries` } as const;

/**
 * One row per deputy and event, keyed so that a deputy's diary is one range
 * of the primary key in time order. A case's tracking code and summary are
 * kept once per case, not once per entry.
 */
export const diaryDdl = [
  `CREATE TABLE IF NOT EXISTS ${diaryTables.cases} (
    case_id TEXT PRIMARY KEY, tracking_code TEXT NOT NULL, summary TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${diaryTables.entries} (
    deputy_id TEXT NOT NULL, at TEXT NOT NULL, position INTEGER NOT NULL,
    case_id TEXT NOT NULL, type TEXT NOT NULL, role TEXT NOT NULL, detail TEXT,
    PRIMARY KEY (deputy_id, at, position)
  ) WITHOUT ROWID`,
];
