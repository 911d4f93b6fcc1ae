import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../contracts/event-store.js';
import type { Projection } from './projection.js';

/** What a projection gathers over a runner's batch and writes once at its end. */
export interface BatchWrites {
  readonly db: Database.Database;
  flush(): void;
}

/**
 * A projection's evolve, beginBatch and flush for writes gathered per batch
 * (`open` makes the gatherer, `apply` moves it by one event). Within a
 * runner's batch the gatherer lives from beginBatch to flush, and a new one
 * replaces whatever a failed batch left; an event applied on its own, as
 * tests do, is written at once.
 */
export function batched<B extends BatchWrites>(
  open: (db: Database.Database) => B,
  apply: (batch: B, event: RecordedEvent) => void,
): Pick<Projection, 'evolve' | 'beginBatch' | 'flush'> {
  let batch: B | undefined;
  return {
    beginBatch(db) {
      batch = open(db);
    },
    evolve(db, event) {
      if (batch?.db === db) return apply(batch, event);
      const alone = open(db);
      apply(alone, event);
      alone.flush();
    },
    flush(db) {
      if (batch?.db === db) batch.flush();
      batch = undefined;
    },
  };
}
