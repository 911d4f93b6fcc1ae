/**
 * diary@2's tables: the version is in every name, so a new version builds
 * beside the one before. v2 keeps visits, appointments and activities
 * besides case events: every entry has a kind and the id it is about.
 */
export const DIARY_VERSION = 2;
export const diaryTables = { cases: `diary_v${DIARY_VERSION}_cases`, entries: `diary_v${DIARY_VERSION}_entries` } as const;

/**
 * One row per deputy and event, keyed so that a deputy's diary is one range
 * of the primary key in time order. A case's tracking code and summary are
 * kept once per case, not once per entry; what a sentence about anything
 * else quotes is in the entry's detail.
 */
export const diaryDdl = [
  `CREATE TABLE IF NOT EXISTS ${diaryTables.cases} (
    case_id TEXT PRIMARY KEY, tracking_code TEXT NOT NULL, summary TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${diaryTables.entries} (
    deputy_id TEXT NOT NULL, at TEXT NOT NULL, position INTEGER NOT NULL,
    kind TEXT NOT NULL, ref_id TEXT NOT NULL, type TEXT NOT NULL, role TEXT NOT NULL, detail TEXT,
    PRIMARY KEY (deputy_id, at, position)
  ) WITHOUT ROWID`,
  // An announced activity's entries give way to the held one's, or go when it is called off.
  `CREATE INDEX IF NOT EXISTS ${diaryTables.entries}_by_ref ON ${diaryTables.entries} (ref_id, type)`,
];
