import type Database from 'better-sqlite3';

/**
 * Where each projection has got to in the log, one row per `name@version`,
 * kept in the read-model database itself so that it commits atomically with
 * the rows it vouches for.
 */
export class CheckpointStore {
  readonly #read: Database.Statement<[string], number>;
  readonly #write: Database.Statement<[string, number]>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      projection TEXT PRIMARY KEY,
      position   INTEGER NOT NULL
    ) WITHOUT ROWID`);
    this.#read = db.prepare<[string], number>('SELECT position FROM projection_checkpoints WHERE projection = ?').pluck();
    this.#write = db.prepare<[string, number]>(
      `INSERT INTO projection_checkpoints (projection, position) VALUES (?, ?)
       ON CONFLICT (projection) DO UPDATE SET position = excluded.position`,
    );
  }

  /** The last log position applied; 0 when the projection has never run. */
  read(projection: string): number {
    return this.#read.get(projection) ?? 0;
  }

  write(projection: string, position: number): void {
    this.#write.run(projection, position);
  }
}
