import Database from 'better-sqlite3';

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
