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

/**
 * The rows of a batch's cases, read once and kept for the rest of the
 * batch: a case has several events in a batch, and each would otherwise
 * read and rewrite its row. `changed` rows are written once by `flush`.
 */
export class BatchRows<R> {
  readonly #rows = new Map<string, R | undefined>();
  readonly #changed = new Set<R>();

  constructor(
    private readonly read: (key: string) => R | undefined,
    private readonly write: (row: R) => void,
  ) {}

  /** The row as this batch left it so far (undefined: not in the table). */
  get(key: string): R | undefined {
    if (this.#rows.has(key)) return this.#rows.get(key);
    const row = this.read(key);
    this.#rows.set(key, row);
    return row;
  }

  /** The row this batch now holds for `key`; `changed` ones are written by `flush`. */
  set(key: string, row: R, changed: boolean): void {
    this.#rows.set(key, row);
    if (changed) this.#changed.add(row);
  }

  /** Marks a row read with `get` (and changed in place) for writing. */
  changed(row: R): void {
    this.#changed.add(row);
  }

  flush(): void {
    for (const row of this.#changed) this.write(row);
  }
}
