/** deadlines@1's table: the version is in its name, so a new version builds beside this one. */
export const DEADLINES_VERSION = 1;
export const deadlineTables = { timers: `deadlines_v${DEADLINES_VERSION}_timers` } as const;

/**
 * One row per firing a case waits for, keyed by what makes a firing unique;
 * indexed by when it fires, so the scheduler asks for the next one instead
 * of scanning, however many are pending.
 */
export const deadlinesDdl = [
  `CREATE TABLE IF NOT EXISTS ${deadlineTables.timers} (
    case_id TEXT NOT NULL, deadline TEXT NOT NULL, action TEXT NOT NULL, due_by TEXT NOT NULL, at TEXT NOT NULL, set_at TEXT NOT NULL,
    PRIMARY KEY (case_id, deadline, action, due_by)
  ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS deadlines_v${DEADLINES_VERSION}_by_time ON ${deadlineTables.timers} (at, case_id)`,
];
