import type { EventStore } from '../../contracts/event-store.js';
import { openEsdbEventStore } from '../../services/event-store/esdb/index.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { startEsdbTestServer } from './esdb-wire/server.js';

export type TestStoreKind = 'sqlite' | 'esdb-wire' | 'esdb';

/**
 * A fresh event store for one test, chosen by HUIYIN_TEST_STORE:
 * - `sqlite` (the default): the embedded store in memory;
 * - `esdb-wire`: the EventStoreDB adapter through the real client and gRPC,
 *   against a wire-level test server of its own, stopped when the store closes;
 * - `esdb`: the adapter against the real server at EVENTSTORE_URL. Its log is
 *   shared and permanent, so only tests that use ids of their own belong there.
 */
export async function openTestStore(env: Record<string, string | undefined> = process.env): Promise<EventStore> {
  const kind = (env.HUIYIN_TEST_STORE ?? 'sqlite') as TestStoreKind;
  switch (kind) {
    case 'sqlite':
      return openSqliteEventStore({ path: ':memory:' });
    case 'esdb-wire': {
      const server = await startEsdbTestServer();
      const store = await openEsdbEventStore({ url: server.url });
      return closingToo(store, () => server.close());
    }
    case 'esdb': {
      if (!env.EVENTSTORE_URL) throw new Error('HUIYIN_TEST_STORE=esdb needs EVENTSTORE_URL');
      return openEsdbEventStore({ url: env.EVENTSTORE_URL });
    }
    default:
      throw new Error(`HUIYIN_TEST_STORE must be sqlite, esdb-wire or esdb, not ${String(kind)}`);
  }
}

/** The same store, whose close() also releases what was started for it. */
function closingToo(store: EventStore, release: () => Promise<void>): EventStore {
  return {
    appendToStream: (...args) => store.appendToStream(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    subscribeToAll: (...args) => store.subscribeToAll(...args),
    headPosition: () => store.headPosition(),
    logId: () => store.logId(),
    close: async () => {
      await store.close();
      await release();
    },
  };
}
