import { binaryEvent, jsonEvent, type EventStoreDBClient } from '@eventstore/db-client';
import type { Test } from 'tap';
import type { EventStore } from '../../contracts/event-store.js';
import { collect, eventsOf, newEvent, newEvents, streamOf, uniqueCategory } from './conformance/helpers.js';

export interface EsdbSetup {
  store: EventStore;
  /** Another writer on the same server, doing what Huiyin never does. */
  other: EventStoreDBClient;
}

/**
 * What the EventStoreDB adapter owes beyond the conformance suite: the
 * server's errors and own events mapped away, and positions that survive
 * round trips. Runs against the wire-level test server and a real one; a
 * setup is fresh per test but its log may be shared.
 */
export function esdbAdapterRules(t: Test, setup: (t: Test) => Promise<EsdbSetup>): void {
  t.test('reports a hard-deleted stream as STORE.STREAM_DELETED and hides its tombstone', async (t) => {
    const { store, other } = await setup(t);
    const category = uniqueCategory();
    const stream = streamOf(category);
    await store.appendToStream(stream, newEvents(2));
    await other.tombstoneStream(stream);
    const deleted = { code: 'STORE.STREAM_DELETED', details: { streamName: stream } };
    await t.rejects(store.appendToStream(stream, [newEvent()]), deleted);
    await t.rejects(store.appendToStream(stream, [newEvent()], { expectedRevision: 1 }), deleted);
    await t.rejects(store.readStream(stream), deleted);
    const all = await store.readAll({ filter: { kind: 'category', categories: [category] } });
    t.same(all.map((e) => e.type), ['Happened', 'Happened'], 'no $streamDeleted event');
  });

  t.test('refuses an event another writer stored as something other than a JSON object', async (t) => {
    const { store, other } = await setup(t);
    const stream = streamOf(uniqueCategory());
    await other.appendToStream(stream, binaryEvent({ type: 'Blob', data: new Uint8Array([1, 2, 3]) }));
    await t.rejects(store.readStream(stream), { code: 'INTERNAL', message: /is not a JSON object/ });
  });

  t.test('leaves system streams and types out of reads, subscriptions and the head', async (t) => {
    const { store, other } = await setup(t);
    const category = uniqueCategory();
    const before = await store.headPosition();
    const mine = await store.appendToStream(streamOf(category), [newEvent()]);
    await other.appendToStream(`$${category}-stats`, jsonEvent({ type: 'Collected', data: {} }));
    await other.appendToStream(streamOf(category, 'b'), jsonEvent({ type: '$internal', data: {} }));
    t.equal(await store.headPosition(), mine.position, 'the head is the last event Huiyin can read');
    const positions = async (options: Parameters<EventStore['readAll']>[0]) => (await store.readAll(options)).map((e) => e.position);
    t.same(await positions({ fromPosition: mine.position }), [mine.position], 'only what clients of the port wrote');
    t.same(await positions({ direction: 'backwards', maxCount: 1 }), [mine.position]);
    t.same(await positions({ fromPosition: mine.position, filter: { kind: 'category', categories: [category] } }), [mine.position]);
    const subscription = store.subscribeToAll({ fromPosition: before });
    t.teardown(() => subscription.close());
    const messages = await collect(subscription, (m) => m.some((x) => x.kind === 'caught-up'));
    t.same(eventsOf(messages).map((e) => e.position), [mine.position]);
  });

  t.test('uses even positions, where p + 1 means just after p in every direction', async (t) => {
    const { store } = await setup(t);
    const category = uniqueCategory();
    const filter = { kind: 'category' as const, categories: [category] };
    const positions: number[] = [];
    for (const name of ['a', 'b', 'c']) positions.push((await store.appendToStream(streamOf(category, name), [newEvent()])).position);
    t.ok(positions.every((p) => p % 2 === 0), 'events sit at even positions');
    const [a, b, c] = positions as [number, number, number];
    const at = async (options: Parameters<EventStore['readAll']>[0]) => (await store.readAll(options)).map((e) => e.position);
    t.same(await at({ fromPosition: b, maxCount: 2 }), [b, c], 'forwards from b includes b');
    t.same(await at({ fromPosition: b + 1, maxCount: 1 }), [c], 'forwards from b + 1 starts after b');
    t.same(await at({ fromPosition: b, filter }), [b, c], 'filtered, inclusive too');
    t.same(await at({ fromPosition: b + 1, filter }), [c]);
    t.same(await at({ direction: 'backwards', fromPosition: b, filter }), [a], 'backwards from b excludes b');
    t.same(await at({ direction: 'backwards', fromPosition: b + 1, filter }), [b, a], 'backwards from b + 1 includes b');
    t.same(await at({ direction: 'backwards', fromPosition: b + 1, filter, maxCount: 1 }), [b]);
    const subscription = store.subscribeToAll({ fromPosition: a + 1, filter });
    t.teardown(() => subscription.close());
    const messages = await collect(subscription, (m) => m.some((x) => x.kind === 'caught-up'));
    t.same(eventsOf(messages).map((e) => e.position), [b, c], 'a subscription from a + 1 starts after a');
  });

  t.test('refuses a number that is no position of this log rather than read from inside a record', async (t) => {
    const { store } = await setup(t);
    const first = await store.appendToStream(streamOf(uniqueCategory()), [newEvent()]);
    await store.appendToStream(streamOf(uniqueCategory()), [newEvent()]);
    await t.rejects(store.readAll({ fromPosition: first.position + 2, maxCount: 1 }), { code: 'INTERNAL' });
    await t.rejects(store.readAll({ fromPosition: -1 }), RangeError);
  });

  t.test('gives a slow consumer every event in order while the server is held back', async (t) => {
    const { store } = await setup(t);
    const category = uniqueCategory();
    const from = await store.headPosition();
    for (let batch = 0; batch < 6; batch += 1) await store.appendToStream(streamOf(category, `s${batch}`), newEvents(250));
    const subscription = store.subscribeToAll({ fromPosition: from, filter: { kind: 'category', categories: [category] } });
    t.teardown(() => subscription.close());
    const seen: number[] = [];
    for await (const message of subscription) {
      if (message.kind === 'caught-up') break;
      seen.push(message.event.position);
      // Every so often the consumer stalls, so the client's buffer fills up.
      if (seen.length % 200 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    t.equal(seen.length, 1500);
    t.ok(seen.every((p, i) => i === 0 || p > seen[i - 1]!), 'in log order');
  });
}
