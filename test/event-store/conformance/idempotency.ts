import type { Test } from 'tap';
import { newEvent, newEvents, storeFor, streamIds, streamOf, uniqueCategory, type OpenStore } from './helpers.js';

const WRONG = 'STORE.WRONG_EXPECTED_REVISION';

export function idempotencyRules(t: Test, open: OpenStore): void {
  t.test('returns the original result for a retried no_stream append and writes nothing', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const events = newEvents(2);
    const original = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
    t.same(await store.appendToStream(stream, events, { expectedRevision: 'no_stream' }), original);
    t.same(await streamIds(store, stream), events.map((e) => e.id));
  });

  t.test('returns the original result for a retried exact append after later appends', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    await store.appendToStream(stream, [newEvent()], { expectedRevision: 'no_stream' });
    const events = newEvents(2);
    const original = await store.appendToStream(stream, events, { expectedRevision: 0 });
    await store.appendToStream(stream, newEvents(2), { expectedRevision: 2 });
    t.same(await store.appendToStream(stream, events, { expectedRevision: 0 }), original);
    t.equal((await store.readStream(stream)).length, 5);
  });

  for (const expectedRevision of ['any', 'stream_exists'] as const) {
    t.test(`returns the original result for a retried ${expectedRevision} append after later appends`, async (t) => {
      const store = await storeFor(t, open);
      const stream = streamOf(uniqueCategory());
      await store.appendToStream(stream, [newEvent()]);
      const events = newEvents(3);
      const original = await store.appendToStream(stream, events, { expectedRevision });
      await store.appendToStream(stream, [newEvent()]);
      t.same(await store.appendToStream(stream, events, { expectedRevision }), original);
      t.equal((await store.readStream(stream)).length, 5);
    });
  }

  t.test('returns the same result to an append and its retry sent at once', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const events = newEvents(2);
    const [first, second] = await Promise.all([
      store.appendToStream(stream, events, { expectedRevision: 'no_stream' }),
      store.appendToStream(stream, events, { expectedRevision: 'no_stream' }),
    ]);
    t.same(first, second);
    t.same(await streamIds(store, stream), events.map((e) => e.id));
  });

  t.test('treats the same event id in another stream as a new event', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    const shared = newEvent();
    for (const expectedRevision of ['no_stream', 'any'] as const) {
      const [one, two] = [streamOf(category, `one${expectedRevision}`), streamOf(category, `two${expectedRevision}`)];
      const first = await store.appendToStream(one, [shared], { expectedRevision });
      const second = await store.appendToStream(two, [shared], { expectedRevision });
      t.not(second.position, first.position, `${expectedRevision}: written again`);
      t.same(await store.appendToStream(two, [shared], { expectedRevision }), second, `${expectedRevision}: retry`);
      t.same(await streamIds(store, one), [shared.id]);
      t.same(await streamIds(store, two), [shared.id]);
    }
  });

  for (const expectedRevision of ['no_stream', 'any'] as const) {
    t.test(`rejects a partially overlapping ${expectedRevision} retry and writes nothing`, async (t) => {
      const store = await storeFor(t, open);
      const stream = streamOf(uniqueCategory());
      const [a, b, c] = newEvents(3);
      await store.appendToStream(stream, [a!, b!], { expectedRevision });
      for (const events of [[a!, c!], [a!, b!, c!]]) {
        await t.rejects(store.appendToStream(stream, events, { expectedRevision }), { code: WRONG, actual: 1 });
      }
      t.same(await streamIds(store, stream), [a!.id, b!.id]);
    });
  }

  t.test('rejects an exact retry whose first event differs', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const [a, b, c] = newEvents(3);
    await store.appendToStream(stream, [a!, b!], { expectedRevision: 'no_stream' });
    await t.rejects(store.appendToStream(stream, [c!, b!], { expectedRevision: 'no_stream' }), { code: WRONG, actual: 1 });
    t.same(await streamIds(store, stream), [a!.id, b!.id]);
  });

  t.test('writes again when the retry carries another expected revision', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const event = newEvent();
    await store.appendToStream(stream, [event], { expectedRevision: 'no_stream' });
    const again = await store.appendToStream(stream, [event], { expectedRevision: 0 });
    t.equal(again.nextExpectedRevision, 1);
    t.same(await streamIds(store, stream), [event.id, event.id]);
  });
}
