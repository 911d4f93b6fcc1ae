import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

// The AUTOINCREMENT key is the $all position: it never reuses a value, so
// positions only grow in commit order even if the tail is ever trimmed.
// Stream heads come from the UNIQUE(stream, revision) index (one seek for
// ORDER BY revision DESC LIMIT 1); a heads table measured slower, being one
// more page per stream to write in every commit.
//
// Every per-stream index costs one dirty page per stream in a group commit,
// and those pages dominate commit time. Only retries of `any` and
// `stream_exists` appends look events up by id (exact expectations check the
// revisions after the expected one), so the id index is partial: it holds the
// first event of each such append and nothing else. Measured: a full
// (stream, event_id) index cut group-commit throughput by about a quarter.
const DDL = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  stream      TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  event_id    TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  category    TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  first_of_any_append INTEGER NOT NULL DEFAULT 0,
  UNIQUE (stream, revision)
);
CREATE INDEX IF NOT EXISTS events_by_any_append_id ON events (stream, event_id) WHERE first_of_any_append = 1;
CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
CREATE TABLE IF NOT EXISTS log_identity (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  id         TEXT    NOT NULL,
  created_at TEXT    NOT NULL
);
`;

/** SQLite's word that a file's content is not a sound database. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

/** What a start-up check found wrong with the file: the check, and what it said. */
export class DamagedLogError extends Error {
  constructor(
    readonly check: string,
    readonly finding: string,
  ) {
    super(`${check}: ${finding}`);
  }
}

/**
 * `PRAGMA quick_check` reads every page once (measured: about 0.8 s for
 * 240 MB), so a torn or overwritten file stops the start instead of failing
 * requests one by one later. It runs before anything else touches the file,
 * so what fails is named as this check.
 */
function quickCheck(db: Database.Database): void {
  let rows: Array<{ quick_check: string }>;
  try {
    rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  } catch (error) {
    // Only what says the content is bad; a lock or a permission is another matter.
    if (!isDamage(error)) throw error;
    throw new DamagedLogError('PRAGMA quick_check', (error as Error).message);
  }
  const findings = rows.map((row) => row.quick_check);
  if (findings.length !== 1 || findings[0] !== 'ok') {
    throw new DamagedLogError('PRAGMA quick_check', findings.slice(0, 3).join('; '));
  }
}

/** `check`: run the start-up check first (the writer thread skips it: its store just did). */
export function openDatabase(path: string, options: { check?: boolean } = {}): Database.Database {
  const db = new Database(path);
  try {
    if (options.check) quickCheck(db);
    db.pragma('journal_mode = WAL');
    // FULL makes every commit fsync the WAL: an acknowledged append survives
    // kill -9 and power loss, which NORMAL in WAL mode does not promise.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.exec(DDL);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The log's identity, made in the same file as its events the first time
 * the file is opened; a log file made anew (deleted, or another put in its
 * place) has another.
 */
export function readOrCreateLogId(db: Database.Database): string {
  db.prepare('INSERT INTO log_identity (singleton, id, created_at) VALUES (1, ?, ?) ON CONFLICT DO NOTHING').run(
    randomUUID(),
    new Date().toISOString(),
  );
  return db.prepare<[], string>('SELECT id FROM log_identity WHERE singleton = 1').pluck().get()!;
}
