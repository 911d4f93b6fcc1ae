import t, { type Test } from 'tap';
import type { EventStore, SubscriptionMessage } from '../../contracts/event-store.js';
import { openEventStore } from '../../services/event-store/open-store.js';
import { openEsdbEventStore } from '../../services/event-store/esdb/index.js';
import { startEsdbTestServer, type EsdbTestServer, type EsdbTestServerOptions } from '../support/esdb-wire/server.js';
import { collect, eventsOf, newEvents, readWholeLog, streamIds, streamOf, uniqueCategory } from './conformance/helpers.js';

const UNAVAILABLE = { code: 'STORE.UNAVAILABLE' };

/** Retries an operation until the store answers again, as a caller honouring Retry-After would. */
async function untilAvailable<T>(operation: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      if ((error as { code?: string }).code !== 'STORE.UNAVAILABLE' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function serverFor(t: Test, options: EsdbTestServerOptions = {}): Promise<EsdbTestServer> {
  const server = await startEsdbTestServer(options);
  t.teardown(() => server.close());
  return server;
}

async function storeOn(t: Test, server: EsdbTestServer): Promise<EventStore> {
  const store = await openEsdbEventStore({ url: server.url });
  t.teardown(() => store.close());
  return store;
}

t.test('eventstoredb adapter › at start', async (t) => {
  t.test('refuses to open with STORE.UNAVAILABLE naming the server when nothing answers', async (t) => {
    const server = await startEsdbTestServer();
    await server.close();
    const started = Date.now();
    const opening = openEsdbEventStore({ url: server.url.replace('esdb://', 'esdb://admin:changeit@') });
    await t.rejects(opening, { code: 'STORE.UNAVAILABLE', message: /^cannot reach EventStoreDB at esdb:\/\/127\.0\.0\.1:\d+\?tls=false \(is it up, and is EVENTSTORE_URL right\?\): .*ECONNREFUSED/ });
    await opening.catch((error: Error) => t.notMatch(error.message, /changeit/, 'credentials stay out of the message'));
    t.ok(Date.now() - started < 6_000, 'within the connect timeout');
  });

  t.test('refuses a connection string the client cannot parse', async (t) => {
    await t.rejects(openEsdbEventStore({ url: 'http://nowhere' }), { code: 'STORE.UNAVAILABLE', message: /EVENTSTORE_URL/ });
  });

  t.test('openEventStore picks EventStoreDB when EVENTSTORE_URL is set', async (t) => {
    const server = await serverFor(t);
    const store = await openEventStore({ dataDir: '/nonexistent/never-created', env: { EVENTSTORE_URL: server.url } });
    t.teardown(() => store.close());
    const stream = streamOf(uniqueCategory());
    await store.appendToStream(stream, newEvents(1));
    t.ok(server.log.recordsOf(stream), 'the event went to the server');
  });
});

t.test('eventstoredb adapter › when the server goes away mid-run', async (t) => {
  t.test('fails calls with STORE.UNAVAILABLE, writes nothing, and recovers by itself', async (t) => {
    const server = await serverFor(t);
    const store = await storeOn(t, server);
    const stream = streamOf(uniqueCategory());
    const first = newEvents(2);
    await store.appendToStream(stream, first, { expectedRevision: 'no_stream' });
    await server.stop();
    const retried = newEvents(2);
    await t.rejects(store.appendToStream(stream, retried, { expectedRevision: 1 }), UNAVAILABLE);
    await t.rejects(store.readStream(stream), UNAVAILABLE);
    await t.rejects(store.readAll({ maxCount: 1 }), UNAVAILABLE);
    await t.rejects(store.headPosition(), UNAVAILABLE);
    await server.start();
    const result = await untilAvailable(() => store.appendToStream(stream, retried, { expectedRevision: 1 }));
    t.equal(result.nextExpectedRevision, 3);
    t.same(await streamIds(store, stream), [...first, ...retried].map((e) => e.id), 'each event once');
  });

  t.test('resumes a subscription from its last position, without gaps or duplicates', async (t) => {
    const server = await serverFor(t);
    const store = await storeOn(t, server);
    const category = uniqueCategory();
    const filter = { kind: 'category' as const, categories: [category] };
    await store.appendToStream(streamOf(category, 'a'), newEvents(5));
    const subscription = store.subscribeToAll({ filter });
    t.teardown(() => subscription.close());
    const messages: SubscriptionMessage[] = [];
    await collect(subscription, (all) => all.some((m) => m.kind === 'caught-up'), messages);

    const subscribed = server.stats.subscriptions;
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.start();
    // Written while the subscription may still be reconnecting, and after.
    await untilAvailable(() => store.appendToStream(streamOf(category, 'b'), newEvents(5)));
    await store.appendToStream(streamOf(category, 'c'), newEvents(5));
    await collect(subscription, (all) => eventsOf(all).length >= 15, messages);

    const ids = eventsOf(messages).map((e) => e.id);
    t.equal(new Set(ids).size, ids.length, 'no duplicates');
    t.same(ids, (await readWholeLog(store, filter)).map((e) => e.id), 'exactly the log, in order');
    t.equal(messages.filter((m) => m.kind === 'caught-up').length, 1, 'one caught-up signal');
    t.ok(server.stats.subscriptions > subscribed, 'it subscribed again');
  });

  t.test('resubscribes when the server drops it as a consumer too slow, losing nothing', async (t) => {
    const server = await serverFor(t, { liveBuffer: 64 });
    const store = await storeOn(t, server);
    const category = uniqueCategory();
    const filter = { kind: 'category' as const, categories: [category] };
    const subscription = store.subscribeToAll({ filter });
    t.teardown(() => subscription.close());
    const messages = await collect(subscription, (all) => all.length > 0);
    const subscribed = server.stats.subscriptions;
    // Nobody reads while 2,000 live events arrive.
    for (let n = 0; n < 10; n += 1) await store.appendToStream(streamOf(category, `s${n}`), newEvents(200));
    await collect(subscription, (all) => eventsOf(all).length >= 2_000, messages);
    const ids = eventsOf(messages).map((e) => e.id);
    t.same(ids, (await readWholeLog(store, filter)).map((e) => e.id), 'every event once, in order');
    t.ok(server.stats.subscriptions > subscribed, 'the server dropped it and it subscribed again');
  });

  t.test('keeps a subscription waiting while the server is away', async (t) => {
    const server = await serverFor(t);
    const store = await storeOn(t, server);
    const category = uniqueCategory();
    const subscription = store.subscribeToAll({ filter: { kind: 'category', categories: [category] } });
    const messages = await collect(subscription, (all) => all.length > 0);
    t.equal(messages[0]?.kind, 'caught-up');
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server.start();
    const events = newEvents(1);
    await untilAvailable(() => store.appendToStream(streamOf(category), events));
    await collect(subscription, (all) => eventsOf(all).length === 1, messages);
    t.same(eventsOf(messages).map((e) => e.id), events.map((e) => e.id));
    await subscription.close();
  });
});
