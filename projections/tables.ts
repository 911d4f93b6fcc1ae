import type Database from 'better-sqlite3';
import { CheckpointStore } from './checkpoint.js';
import { keyOf, type Projection } from './projection.js';

// `CREATE [VIRTUAL] TABLE [IF NOT EXISTS] name` and views, as projections write their DDL.
const CREATED = /CREATE\s+(VIRTUAL\s+TABLE|TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?["`[]?([A-Za-z_][\w]*)/gi;

export interface OwnedObject {
  kind: 'table' | 'view';
  name: string;
}

/**
 * What a projection owns in the read-model database: the tables it
 * declares, else those its DDL creates. Indexes and triggers go with their
 * tables; an FTS5 table takes its shadow tables with it.
 */
export function ownedObjects(projection: Projection): OwnedObject[] {
  const created = [...projection.ddl.join(';\n').matchAll(CREATED)].map((match) => ({
    kind: /VIEW/i.test(match[1]!) ? ('view' as const) : ('table' as const),
    name: match[2]!,
  }));
  if (!projection.tables) return created;
  return projection.tables.map((name) => created.find((object) => object.name === name) ?? { kind: 'table', name });
}

/**
 * Drops the projection's tables and checkpoint in one transaction, so the
 * next start builds it from position 0. Only its own version's names:
 * table names carry the version, so another version's rows stay.
 */
export function dropProjection(db: Database.Database, projection: Projection): void {
  const checkpoints = new CheckpointStore(db);
  db.transaction(() => {
    // Views first: one may read a table dropped below.
    const objects = ownedObjects(projection).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'view' ? -1 : 1));
    for (const object of objects) db.exec(`DROP ${object.kind.toUpperCase()} IF EXISTS "${object.name}"`);
    checkpoints.delete(keyOf(projection));
  })();
}

/** Whether the projection has committed a checkpoint here (its tables hold what the log had up to it). */
export function isBuilt(db: Database.Database, projection: Projection): boolean {
  return new CheckpointStore(db).read(keyOf(projection)) !== undefined;
}
