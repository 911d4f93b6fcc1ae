import type Database from 'better-sqlite3';
import { preparedPerDb } from '../prepared.js';

/**
 * dashboard@2's tables. `tallies` holds every figure as a count per
 * (grain, period, area, station, dim, value): a period's figures are sums
 * over a few hundred rows per station whatever the number of cases. Each
 * figure is counted by the China-time day, month and year it belongs to
 * (and hour, for deadlines), so a period reads its whole years, then whole
 * months, then days. The dims:
 * - `status` (value: the status), `channel`, `urgency` and `category`, by
 *   when the case was received;
 * - `due` and `met` (value ''), by when a reply deadline falls, hour
 *   included: deadlines, and those answered by their deadline;
 * - `followup` (value: resolved|unresolved + '|' + satisfaction), `done`
 *   and `answered` (value ''), by when it happened;
 * A count that comes back to zero is deleted, so the table holds the same
 * rows however the log was batched, and a case that moved through seven
 * statuses leaves one status row, not seven.
 * `histograms` holds the hours each step took (dim `acknowledge`,
 * `feedback` or `close`), by when the step was first taken: one row per
 * station, period and step, its counts per bucket (histogram.ts) as a JSON
 * object. Kept as a bucket per row they were nine rows in ten of a city's year.
 * `cases` is each case's own state, to move it between tallies; `now` counts
 * open and escalated-open cases per station; `overdue` lists open cases
 * with an unanswered or missed deadline, indexed by when it fell due.
 */
export const T = {
  cases: 'dashboard_v2_cases',
  tallies: 'dashboard_v2_tallies',
  histograms: 'dashboard_v2_histograms',
  now: 'dashboard_v2_now',
  overdue: 'dashboard_v2_overdue',
} as const;

/**
 * dashboard@1's tables and checkpoint, dropped where they are still found:
 * version 1 counted a case's channel, urgency and category as one figure
 * and had no year grain (a city's year read twelve months of every
 * bucket). Its code is not shipped, so it cannot serve while version 2
 * builds: an instance upgraded from it answers the dashboard with 503 (and
 * /readyz is not ready) until version 2 has caught up, a few minutes for
 * a city's decade of cases.
 */
const retired = ['dashboard_v1_cases', 'dashboard_v1_tallies', 'dashboard_v1_now', 'dashboard_v1_overdue'];

export const dashboardDdl: readonly string[] = [
  ...retired.map((table) => `DROP TABLE IF EXISTS ${table}`),
  `DELETE FROM projection_checkpoints WHERE projection = 'dashboard@1'`,
  `CREATE TABLE IF NOT EXISTS ${T.cases} (
    case_id TEXT PRIMARY KEY, rev INTEGER NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL,
    area TEXT NOT NULL, station TEXT NOT NULL, received_ms INTEGER NOT NULL, received_day TEXT NOT NULL,
    due_ms INTEGER, deadline TEXT NOT NULL, escalated INTEGER NOT NULL, acked INTEGER NOT NULL,
    fed INTEGER NOT NULL, closed INTEGER NOT NULL, done INTEGER NOT NULL, answered INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ${T.tallies} (
    grain TEXT NOT NULL, period TEXT NOT NULL, area TEXT NOT NULL, station TEXT NOT NULL,
    dim TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (grain, period, area, station, dim, value)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${T.histograms} (
    grain TEXT NOT NULL, period TEXT NOT NULL, area TEXT NOT NULL, station TEXT NOT NULL, dim TEXT NOT NULL,
    buckets TEXT NOT NULL, PRIMARY KEY (grain, period, area, station, dim)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${T.now} (
    area TEXT NOT NULL, station TEXT NOT NULL, open INTEGER NOT NULL, escalated INTEGER NOT NULL,
    PRIMARY KEY (area, station)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${T.overdue} (
    case_id TEXT PRIMARY KEY, due_ms INTEGER NOT NULL, area TEXT NOT NULL, station TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS ${T.overdue}_due ON ${T.overdue} (due_ms)`,
];

/** A case's row in `cases`. Flags are 0/1; `deadline` is pending | met | late | dropped. */
export interface CaseRow {
  case_id: string;
  rev: number;
  version: number;
  status: string;
  area: string;
  station: string;
  received_ms: number;
  received_day: string;
  due_ms: number | null;
  deadline: 'pending' | 'met' | 'late' | 'dropped';
  escalated: number;
  acked: number;
  fed: number;
  closed: number;
  done: number;
  answered: number;
}

const caseColumns = 'case_id, rev, version, status, area, station, received_ms, received_day, due_ms, deadline, escalated, acked, fed, closed, done, answered';

export const statementsOf = preparedPerDb((db: Database.Database) => ({
  getCase: db.prepare<[string], CaseRow>(`SELECT ${caseColumns} FROM ${T.cases} WHERE case_id = ?`),
  putCase: db.prepare<CaseRow>(
    `INSERT OR REPLACE INTO ${T.cases} (${caseColumns}) VALUES (${caseColumns.replace(/(\w+)/g, '@$1')})`,
  ),
  tally: db.prepare<[string, string, string, string, string, string, number]>(
    `INSERT INTO ${T.tallies} (grain, period, area, station, dim, value, n) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (grain, period, area, station, dim, value) DO UPDATE SET n = n + excluded.n`,
  ),
  dropEmptyTally: db.prepare<[string, string, string, string, string, string]>(
    `DELETE FROM ${T.tallies} WHERE grain = ? AND period = ? AND area = ? AND station = ? AND dim = ? AND value = ? AND n = 0`,
  ),
  getHistogram: db
    .prepare<[string, string, string, string, string], string>(
      `SELECT buckets FROM ${T.histograms} WHERE grain = ? AND period = ? AND area = ? AND station = ? AND dim = ?`,
    )
    .pluck(),
  putHistogram: db.prepare<[string, string, string, string, string, string]>(
    `INSERT OR REPLACE INTO ${T.histograms} (grain, period, area, station, dim, buckets) VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  now: db.prepare<[string, string, number, number]>(
    `INSERT INTO ${T.now} (area, station, open, escalated) VALUES (?, ?, ?, ?)
     ON CONFLICT (area, station) DO UPDATE SET open = open + excluded.open, escalated = escalated + excluded.escalated`,
  ),
  markOverdue: db.prepare<[string, number, string, string]>(
    `INSERT OR REPLACE INTO ${T.overdue} (case_id, due_ms, area, station) VALUES (?, ?, ?, ?)`,
  ),
  clearOverdue: db.prepare<[string]>(`DELETE FROM ${T.overdue} WHERE case_id = ?`),
}));
