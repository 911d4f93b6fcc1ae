import type Database from 'better-sqlite3';
import type { Test } from 'tap';
import type { EventStore, RecordedEvent, Subscription, SubscriptionMessage } from '../../contracts/event-store.js';
import type { Projection } from '../../projections/runner.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';

/**
 * A projection that records every event of its category once per version,
 * in a table of its own (`<name>_v<version>_applied`); `failOn` makes evolve throw.
 */
export function recorder(name: string, version = 1, failOn?: (event: RecordedEvent) => boolean): Projection {
  const table = `${name}_v${version}_applied`;
  return {
    name,
    version,
    filter: { kind: 'category', categories: [name] },
    ddl: [`CREATE TABLE IF NOT EXISTS ${table} (event_id TEXT PRIMARY KEY, position INTEGER NOT NULL)`],
    evolve(db, event) {
      if (failOn?.(event)) throw new Error(`cannot apply ${event.type}`);
      db.prepare(`INSERT INTO ${table} (event_id, position) VALUES (?, ?)`).run(event.id, event.position);
    },
  };
}

export const countIn = (db: Database.Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

export const tablesIn = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

/** Appends `count` events, one stream each, to `category`; returns the last position. */
export async function append(store: EventStore, category: string, count: number, type = 'Noted'): Promise<number> {
  let position = 0;
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    position = (await store.appendToStream(`${category}-${id}`, [{ id, type, data: { i }, metadata: {} }])).position;
  }
  return position;
}

export async function memoryStore(t: Test): Promise<EventStore> {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  return store;
}

/**
 * The store, with the subscriptions of the categories in `held` kept from
 * delivering anything until `release()`: a projection stays catching up for
 * exactly as long as the test wants.
 */
export function gated(store: EventStore, held: string[]): { store: EventStore; release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const holds = (filter: Parameters<EventStore['subscribeToAll']>[0]) =>
    filter?.filter?.kind === 'category' && filter.filter.categories.some((c) => held.includes(c));
  const wrapped: EventStore = {
    appendToStream: (...args) => store.appendToStream(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    ...(store.countAfter ? { countAfter: store.countAfter.bind(store) } : {}),
    headPosition: () => store.headPosition(),
    logId: () => store.logId(),
    close: () => store.close(),
    subscribeToAll(options) {
      const inner = store.subscribeToAll(options);
      if (!holds(options)) return inner;
      const iterator = inner[Symbol.asyncIterator]();
      let closed!: () => void;
      const closing = new Promise<void>((resolve) => (closed = resolve));
      const subscription: Subscription = {
        close: () => {
          closed();
          return inner.close();
        },
        [Symbol.asyncIterator]: () => ({
          next: async (): Promise<IteratorResult<SubscriptionMessage>> => {
            await Promise.race([gate, closing]);
            return iterator.next();
          },
        }),
      };
      return subscription;
    },
  };
  return { store: wrapped, release };
}
