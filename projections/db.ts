import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';

/**
 * Opens the SQLite file that holds read models. Read models are rebuilt from
 * the log at will, so a commit lost to a power cut costs a replay, never
 * data: WAL with synchronous=NORMAL is enough and keeps batches cheap. The
 * service's read models go further, once the file records the boot it is
 * open under (unsynced-writes.ts): synchronous=OFF.
 * `exclusive` holds the file locked until closed (the service's and the
 * CLI's read models): two processes applying the same projections to one
 * file would each move the other's checkpoints under it, and a rebuild
 * would drop tables a running service reads. The lock dies with the process.
 */
export function openReadModelDb(path: string, options: { exclusive?: boolean } = {}): Database.Database {
  const db = new Database(path);
  try {
    if (path !== ':memory:' && path !== '') {
      if (options.exclusive) db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      // 64 MB of page cache: a rebuild touches the same index pages batch
      // after batch (measured 17.7 s → 12.7 s over 98,000 events).
      db.pragma('cache_size = -65536');
      // A rebuild's batch dirties most pages of a tally table; checkpointing
      // the WAL every 1,000 pages (SQLite's default) made most commits copy
      // them all back. 10,000 pages is a WAL of about 40 MB at most.
      db.pragma('wal_autocheckpoint = 10000');
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * What is wrong with the file by `PRAGMA quick_check`, if anything; run
 * before anything else reads it. Only a finding, or SQLite's word that the
 * content is bad, counts: a lock or a permission must never get the file
 * removed.
 */
function damageOf(db: Database.Database): string | undefined {
  try {
    const findings = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((row) => row.quick_check);
    return findings.length === 1 && findings[0] === 'ok' ? undefined : findings.slice(0, 3).join('; ');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return (error as Error).message;
    throw error;
  }
}

/** Removes the database at `path` with its WAL and shared-memory files. */
function removeDbFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Opens the read-model file; one that fails `PRAGMA quick_check` (or is no
 * database at all) is removed and made anew, which costs a rebuild from the
 * log and loses nothing: `damage` says what the check found.
 */
export function openReadModelFile(path: string): { db: Database.Database; damage?: string } {
  if (path === ':memory:' || path === '') return { db: openReadModelDb(path) };
  if (isReadModelFileHeld(path)) throw new ReadModelsHeldError(path);
  const db = new Database(path);
  let damage: string | undefined;
  try {
    damage = damageOf(db);
  } finally {
    db.close();
  }
  if (damage !== undefined) removeDbFiles(path);
  return { db: openReadModelDb(path, { exclusive: true }), ...(damage === undefined ? {} : { damage }) };
}

/** Closes `db` and makes its file anew, empty. */
export function recreateReadModelFile(db: Database.Database, path: string): Database.Database {
  db.close();
  if (path !== ':memory:' && path !== '') removeDbFiles(path);
  return openReadModelDb(path, { exclusive: true });
}

/** Another process (a running service, a rebuild) holds the read-model file. */
export class ReadModelsHeldError extends Error {
  readonly code = 'READ_MODELS_HELD';
  constructor(readonly path: string) {
    super(`${path} is held by another process (is the service running on this data directory?)`);
    this.name = 'ReadModelsHeldError';
  }
}

/** Whether another process holds the file open exclusively; asked without waiting for it. */
export function isReadModelFileHeld(path: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: 0 });
    db.pragma('schema_version');
    return false;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return true;
    // Damage and the like are for the quick check to find.
    return false;
  } finally {
    db?.close();
  }
}
