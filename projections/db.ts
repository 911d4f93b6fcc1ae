import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';

/**
 * Opens the SQLite file that holds read models. Read models are rebuilt from
 * the log at will, so a commit lost to a power cut costs a replay, never
 * data: WAL with synchronous=NORMAL is enough and keeps batches cheap.
 */
export function openReadModelDb(path: string): Database.Database {
  const db = new Database(path);
  try {
    if (path !== ':memory:' && path !== '') {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
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
  const db = new Database(path);
  let damage: string | undefined;
  try {
    damage = damageOf(db);
  } finally {
    db.close();
  }
  if (damage !== undefined) removeDbFiles(path);
  return { db: openReadModelDb(path), ...(damage === undefined ? {} : { damage }) };
}

/** Closes `db` and makes its file anew, empty. */
export function recreateReadModelFile(db: Database.Database, path: string): Database.Database {
  db.close();
  if (path !== ':memory:' && path !== '') removeDbFiles(path);
  return openReadModelDb(path);
}
