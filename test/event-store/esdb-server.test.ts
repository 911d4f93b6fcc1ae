import { EventStoreDBClient } from '@eventstore/db-client';
import t from 'tap';
import { openEsdbEventStore } from '../../services/event-store/esdb/index.js';
import { eventStoreConformance } from './conformance.js';
import { esdbAdapterRules } from './esdb-rules.js';

/**
 * The same suites against a real EventStoreDB or KurrentDB:
 *   EVENTSTORE_URL=esdb://localhost:2113?tls=false npm run test:esdb
 * Without EVENTSTORE_URL, or when nothing answers there, the file is skipped
 * with the reason. Every test uses categories of its own, so the server may
 * hold other data; it should not be a production one.
 */
const url = process.env.EVENTSTORE_URL?.trim();

if (!url) {
  t.plan(0, 'EVENTSTORE_URL is not set, so there is no EventStoreDB to test against');
} else {
  const reason = await openEsdbEventStore({ url, connectTimeoutMs: 3_000 }).then(
    async (store) => {
      await store.close();
      return undefined;
    },
    (error: Error) => error.message,
  );
  if (reason) {
    t.plan(0, `no EventStoreDB answers: ${reason}`);
  } else {
    void eventStoreConformance(t, 'eventstoredb server', () => openEsdbEventStore({ url }));
    void t.test('eventstoredb adapter (server)', async (t) => {
      esdbAdapterRules(t, async (t) => {
        const store = await openEsdbEventStore({ url });
        const other = EventStoreDBClient.connectionString(url);
        t.teardown(async () => {
          await store.close();
          await other.dispose();
        });
        return { store, other };
      });
    });
  }
}
