import type Database from 'better-sqlite3';

/** A projection's checkpoint: how far into which log its rows go. */
export interface Checkpoint {
  projection: string;
  position: number;
  /** The identity of the log the rows were built from (EventStore.logId). */
  logId: string;
}

const TABLE = 'projection_checkpoints';

/**
 * Where each projection has got to in the log, one row per `name@version`,
 * kept in the read-model database itself so that it commits atomically with
 * the rows it vouches for. Each row names the log it counts in: a position
 * means nothing in another log, one that replaced this one included.
 */
export class CheckpointStore {
  readonly #read: Database.Statement<[string], Checkpoint>;
  readonly #write: Database.Statement<[string, number, string]>;
  readonly #delete: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (
      projection TEXT PRIMARY KEY,
      position   INTEGER NOT NULL,
      log_id     TEXT NOT NULL
    ) WITHOUT ROWID`);
    this.#read = db.prepare<[string], Checkpoint>(
      `SELECT projection, position, log_id AS logId FROM ${TABLE} WHERE projection = ?`,
    );
    this.#write = db.prepare<[string, number, string]>(
      `INSERT INTO ${TABLE} (projection, position, log_id) VALUES (?, ?, ?)
       ON CONFLICT (projection) DO UPDATE SET position = excluded.position, log_id = excluded.log_id`,
    );
    this.#delete = db.prepare<[string]>(`DELETE FROM ${TABLE} WHERE projection = ?`);
  }

  /** The projection's checkpoint; undefined when it has never committed one. */
  read(projection: string): Checkpoint | undefined {
    return this.#read.get(projection);
  }

  write(projection: string, position: number, logId: string): void {
    this.#write.run(projection, position, logId);
  }

  /** Forgets the projection's checkpoint: it starts again from the beginning of the log. */
  delete(projection: string): void {
    this.#delete.run(projection);
  }
}

/**
 * Every checkpoint in the database, without creating anything; `legacy`
 * when the table predates log identities, so its rows name no log.
 */
export function storedCheckpoints(db: Database.Database): { legacy: boolean; checkpoints: Checkpoint[] } {
  const columns = db.prepare<[], string>(`SELECT name FROM pragma_table_info('${TABLE}')`).pluck().all();
  if (columns.length === 0) return { legacy: false, checkpoints: [] };
  if (!columns.includes('log_id')) {
    const rows = db.prepare<[], { projection: string; position: number }>(`SELECT projection, position FROM ${TABLE}`).all();
    return { legacy: true, checkpoints: rows.map((row) => ({ ...row, logId: '' })) };
  }
  return { legacy: false, checkpoints: db.prepare<[], Checkpoint>(`SELECT projection, position, log_id AS logId FROM ${TABLE}`).all() };
}
