/** Table names carry the version: case-list@3 would build its own beside these. */
export const CASE_LIST_VERSION = 2;
export const tables = {
  cases: 'case_list_v2_cases',
  deputies: 'case_list_v2_deputies',
  search: 'case_list_v2_search',
} as const;
const t = tables;

/**
 * One row per case. `seq` is the row's integer key, which the deputy links
 * and the search rows point at (smaller than the case id). `position` is the
 * last event applied to the row: an event at or before it is already in, so
 * applying the log again changes nothing.
 *
 * `settled_at` is when the current round's reply deadline stopped running
 * (first reply, or the citizen withdrawing); `late` says it stopped after
 * the deadline. Both are facts of the past, so they may be stored; whether
 * an unsettled deadline has passed is asked of the clock at query time.
 */
export const ddl: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS ${t.cases} (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    tracking_code TEXT NOT NULL,
    status TEXT NOT NULL,
    status_group TEXT NOT NULL,
    station_id TEXT NOT NULL,
    area_code TEXT NOT NULL,
    category TEXT NOT NULL,
    channel TEXT NOT NULL,
    urgency TEXT NOT NULL,
    urgency_rank INTEGER NOT NULL,
    summary TEXT NOT NULL,
    location TEXT,
    received_at TEXT NOT NULL,
    last_activity_at TEXT NOT NULL,
    reply_due_by TEXT NOT NULL,
    replied_at TEXT,
    settled_at TEXT,
    late INTEGER NOT NULL DEFAULT 0,
    escalated INTEGER NOT NULL DEFAULT 0,
    press_count INTEGER NOT NULL DEFAULT 0,
    last_pressed_at TEXT,
    deputy_ids TEXT NOT NULL DEFAULT '[]',
    workflow_version INTEGER NOT NULL,
    position INTEGER NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS ${t.deputies} (
    deputy_id TEXT NOT NULL,
    case_seq INTEGER NOT NULL,
    PRIMARY KEY (deputy_id, case_seq)
  ) WITHOUT ROWID`,
  // Segmented text (see search-text.ts); one row per piece of text, several per case.
  `CREATE VIRTUAL TABLE IF NOT EXISTS ${t.search} USING fts5(text, case_seq UNINDEXED)`,
];

/**
 * Indexes only the lists and searches read (evolve finds a case by id and
 * seq alone): a rebuild makes them once it has caught up. Every read model
 * rebuilt over the 100,000-case generated log (813,835 events): 180 s
 * with these kept in order row by row, 136 s made at the end.
 */
export const queryIndexes: readonly string[] = [
  // The three sorts, each stable under ties by id.
  `CREATE INDEX IF NOT EXISTS ${t.cases}_received ON ${t.cases} (received_at, id)`,
  `CREATE INDEX IF NOT EXISTS ${t.cases}_activity ON ${t.cases} (last_activity_at, id)`,
  `CREATE INDEX IF NOT EXISTS ${t.cases}_due ON ${t.cases} (reply_due_by, id)`,
  // Scopes: staff and deputies read by station, supervisors by area prefix.
  `CREATE INDEX IF NOT EXISTS ${t.cases}_station ON ${t.cases} (station_id, received_at)`,
  `CREATE INDEX IF NOT EXISTS ${t.cases}_area ON ${t.cases} (area_code, received_at)`,
  // Own work: open cases, most urgent and oldest first.
  `CREATE INDEX IF NOT EXISTS ${t.cases}_work ON ${t.cases} (status_group, urgency_rank, received_at, id)`,
  `CREATE INDEX IF NOT EXISTS ${t.cases}_tracking ON ${t.cases} (tracking_code)`,
  // Overdue: the few deadlines still running, and the few answered late.
  `CREATE INDEX IF NOT EXISTS ${t.cases}_unsettled ON ${t.cases} (reply_due_by) WHERE settled_at IS NULL`,
  `CREATE INDEX IF NOT EXISTS ${t.cases}_late ON ${t.cases} (seq) WHERE late = 1`,
  `CREATE INDEX IF NOT EXISTS ${t.cases}_escalated ON ${t.cases} (seq) WHERE escalated = 1`,
  `CREATE INDEX IF NOT EXISTS ${t.cases}_pressed ON ${t.cases} (seq) WHERE press_count > 0`,
];
