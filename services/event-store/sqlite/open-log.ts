import type Database from 'better-sqlite3';
import { HuiyinError } from '../../../contracts/errors.js';
import { DamagedLogError, openDatabase, readOrCreateLogId } from './schema.js';

/**
 * Opens the log's file for a store: checks it (a file, not ':memory:'),
 * makes its tables and reads or makes its identity. What stops it is said
 * in one sentence naming the file — STORE.CORRUPT with the check that
 * failed, or STORE.UNAVAILABLE with SQLite's reason — since the operator,
 * not the code, has to act on it.
 */
export function openLogFile(path: string): { db: Database.Database; logId: string } {
  let db: Database.Database;
  try {
    db = openDatabase(path, { check: path !== ':memory:' });
  } catch (error) {
    if (error instanceof DamagedLogError) {
      throw new HuiyinError('STORE.CORRUPT', `the event log ${path} failed ${error.check}: ${error.finding}`, {
        path,
        check: error.check,
        finding: error.finding,
      });
    }
    throw cannotOpen(path, error);
  }
  try {
    return { db, logId: readOrCreateLogId(db) };
  } catch (error) {
    db.close();
    throw cannotOpen(path, error);
  }
}

function cannotOpen(path: string, error: unknown): HuiyinError {
  const { code, message } = error as { code?: string; message?: string };
  const reason = code ? `${message} (${code})` : String(message ?? error);
  return new HuiyinError('STORE.UNAVAILABLE', `the event log ${path} cannot be opened: ${reason}`, { path, reason });
}
