import { EventStoreDBClient } from '@eventstore/db-client';
import t, { type Test } from 'tap';
import { openEsdbEventStore } from '../../services/event-store/esdb/index.js';
import { startEsdbTestServer, type EsdbTestServerOptions } from '../support/esdb-wire/server.js';
import { newEvent, streamOf, uniqueCategory } from './conformance/helpers.js';
import { esdbAdapterRules, type EsdbSetup } from './esdb-rules.js';

async function setup(t: Test, options: EsdbTestServerOptions = {}): Promise<EsdbSetup> {
  const server = await startEsdbTestServer(options);
  const store = await openEsdbEventStore({ url: server.url });
  const other = EventStoreDBClient.connectionString(server.url);
  t.teardown(async () => {
    await store.close();
    await other.dispose();
    await server.close();
  });
  return { store, other };
}

t.test('eventstoredb adapter (wire server)', async (t) => {
  esdbAdapterRules(t, (t) => setup(t));

  t.test('maps the server append limit onto AppendTooLargeError with its maximum', async (t) => {
    const { store } = await setup(t, { maxAppendSize: 4096 });
    const stream = streamOf(uniqueCategory());
    await t.rejects(store.appendToStream(stream, [newEvent('Big', { text: 'x'.repeat(5000) })]), {
      code: 'STORE.APPEND_TOO_LARGE',
      streamName: stream,
      maxBytes: 4096,
      bytes: 5013,
    });
    await t.rejects(store.readStream(stream), { code: 'STORE.STREAM_NOT_FOUND' }, 'nothing written');
  });
});
