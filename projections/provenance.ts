import type Database from 'better-sqlite3';
import type { LogPosition } from '../contracts/event-store.js';
import { storedCheckpoints } from './checkpoint.js';
import { openReadModelFile, recreateReadModelFile } from './db.js';
import { leftOpenUnderAnotherBoot, openWithoutWaiting } from './unsynced-writes.js';

/**
 * A log that held events the current log does not: read models in this file
 * were once built from it (another log, deleted or swapped), or from this
 * one when it was longer (a restored backup). The evidence that a log was
 * lost, kept when the read models themselves are dropped.
 */
export interface ReplacedLog {
  /** Its identity; '' when its checkpoints predate log identities. */
  logId: string;
  /** How far the read models had got in it. */
  position: LogPosition;
  noticedAt: string;
}

/** Why read models cannot be kept for a log, and what the log they came from had. */
export interface Staleness {
  reason: string;
  lost?: Omit<ReplacedLog, 'noticedAt'>;
}

/**
 * Whether the read models in `db` may be kept for the log `logId` whose head
 * is `head`: not when any checkpoint counts in another log, names no log, or
 * lies beyond the head. A checkpoint in another log would skip (or wait for)
 * positions that mean other events there — a wiped log's new deputies never
 * showed, the read model waiting for positions the old log had reached.
 */
export function stalenessOf(db: Database.Database, logId: string, head: LogPosition): Staleness | undefined {
  const { legacy, checkpoints } = storedCheckpoints(db);
  const reached = Math.max(0, ...checkpoints.map((checkpoint) => checkpoint.position));
  const other = checkpoints.find((checkpoint) => checkpoint.logId !== logId);
  if (legacy) {
    return {
      reason: 'its checkpoints name no event log (written before checkpoints recorded one)',
      ...(reached > head ? { lost: { logId: '', position: reached } } : {}),
    };
  }
  if (other) {
    return {
      reason: `it was built from another event log (${other.logId}, to position ${reached}), not from this one (${logId})`,
      ...(reached > 0 ? { lost: { logId: other.logId, position: reached } } : {}),
    };
  }
  if (reached > head) {
    return {
      reason: `its checkpoint (position ${reached}) is beyond the head of the event log (${head}): the log lost events`,
      lost: { logId, position: reached },
    };
  }
  return undefined;
}

const TABLE = 'read_model_replaced_logs';

function ensureTable(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (
    log_id      TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    noticed_at  TEXT    NOT NULL
  )`);
}

/** The logs lost under these read models, oldest notice first. */
export function replacedLogs(db: Database.Database): ReplacedLog[] {
  ensureTable(db);
  return db
    .prepare<[], ReplacedLog>(`SELECT log_id AS logId, position, noticed_at AS noticedAt FROM ${TABLE} ORDER BY rowid`)
    .all();
}

export function recordReplacedLogs(db: Database.Database, logs: ReplacedLog[]): void {
  ensureTable(db);
  const insert = db.prepare(`INSERT INTO ${TABLE} (log_id, position, noticed_at) VALUES (?, ?, ?)`);
  db.transaction(() => {
    for (const log of logs) insert.run(log.logId, log.position, log.noticedAt);
  })();
}

/** What opening the read models found, for the service to say and to act on. */
export interface ReadModelsOrigin {
  /** The identity of the log they are (re)built from. */
  logId: string;
  /** Why the database was dropped at open, to be rebuilt from the log; undefined when kept. */
  dropped?: string;
  /**
   * Logs with events the current log lacks, that read models here were once
   * built from: a log was lost. Kept across drops, so it stays known after
   * the rebuild (the demo is never seeded over it).
   */
  replacedLogs: ReplacedLog[];
}

/**
 * Opens the read-model file for the log `logId` whose head is `head`,
 * dropping (and noting) what may not be kept for it: a damaged file, read
 * models of another log or beyond its head, or a file the machine restarted
 * under (`bootId` is this boot's: see unsynced-writes.ts).
 */
export function openForLog(
  path: string,
  logId: string,
  head: LogPosition,
  bootId: string | undefined,
): { db: Database.Database; origin: ReadModelsOrigin } {
  const opened = openReadModelFile(path);
  let db = opened.db;
  let dropped = opened.damage === undefined ? undefined : `the read-model database failed PRAGMA quick_check (${opened.damage})`;
  const tornAt = db.memory ? undefined : leftOpenUnderAnotherBoot(db, bootId);
  const stale: Staleness | undefined = tornAt
    ? { reason: `they were still open when the machine restarted (boot ${tornAt}), and writes not yet on disk may be lost` }
    : stalenessOf(db, logId, head);
  if (stale) {
    const earlier = replacedLogs(db);
    db = recreateReadModelFile(db, path);
    recordReplacedLogs(db, [...earlier, ...(stale.lost ? [{ ...stale.lost, noticedAt: new Date().toISOString() }] : [])]);
    dropped = `the read models were dropped: ${stale.reason}`;
  }
  if (!db.memory) openWithoutWaiting(db, bootId);
  return { db, origin: { logId, ...(dropped === undefined ? {} : { dropped }), replacedLogs: replacedLogs(db) } };
}
