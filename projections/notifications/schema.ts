/** notifications@1's tables: the version is in every name, so a new version builds beside this one. */
export const NOTIFICATIONS_VERSION = 1;
const v = `notifications_v${NOTIFICATIONS_VERSION}`;
export const notificationTables = { accounts: `${v}_accounts`, cases: `${v}_cases`, items: `${v}_items` } as const;

/**
 * Who can be told (accounts as the directory lists them, in log order, so
 * a rebuild addresses each notification as it was addressed then), what a
 * notification names of its case, and the notifications: one per person
 * and event, a person's unread ones one index range.
 */
export const notificationsDdl = [
  `CREATE TABLE IF NOT EXISTS ${notificationTables.accounts} (
    id TEXT PRIMARY KEY, role TEXT NOT NULL, station_ids TEXT NOT NULL, area TEXT, active INTEGER NOT NULL
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${notificationTables.cases} (
    case_id TEXT PRIMARY KEY, tracking_code TEXT NOT NULL, summary TEXT NOT NULL, station_id TEXT NOT NULL, area_code TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${notificationTables.items} (
    recipient TEXT NOT NULL, id INTEGER NOT NULL, case_id TEXT NOT NULL, kind TEXT NOT NULL,
    deadline TEXT, due_by TEXT, at TEXT NOT NULL, read INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (recipient, id)
  ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS ${v}_unread ON ${notificationTables.items} (recipient, read, id)`,
  `CREATE INDEX IF NOT EXISTS ${v}_by_id ON ${notificationTables.items} (id)`,
];
