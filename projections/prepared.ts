import type Database from 'better-sqlite3';

/**
 * Statements prepared once per database handle: a projection's evolve and
 * its queries run the same SQL thousands of times.
 */
export function preparedPerDb<T>(prepare: (db: Database.Database) => T): (db: Database.Database) => T {
  const prepared = new WeakMap<Database.Database, T>();
  return (db) => {
    let statements = prepared.get(db);
    if (!statements) {
      statements = prepare(db);
      prepared.set(db, statements);
    }
    return statements;
  };
}
