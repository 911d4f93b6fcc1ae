import type { Test } from 'tap';
import { isMissing, newEvent, newEvents, storeFor, streamIds, streamOf, uniqueCategory, type OpenStore } from './helpers.js';

const WRONG = 'STORE.WRONG_EXPECTED_REVISION';

export function appendRules(t: Test, open: OpenStore): void {
  t.test('numbers revisions from 0 without gaps and reports the last position', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const first = await store.appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
    const second = await store.appendToStream(stream, newEvents(3), { expectedRevision: 1 });
    t.equal(first.nextExpectedRevision, 1);
    t.equal(second.nextExpectedRevision, 4);
    const events = await store.readStream(stream);
    t.same(events.map((e) => e.revision), [0, 1, 2, 3, 4]);
    t.equal(first.position, events[1]!.position);
    t.equal(second.position, events[4]!.position);
    t.ok(events.every((e, i) => i === 0 || e.position > events[i - 1]!.position), 'positions increase');
    t.ok((await store.headPosition()) >= second.position);
  });

  t.test('accepts any on a new and on an existing stream', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    t.equal((await store.appendToStream(stream, [newEvent()])).nextExpectedRevision, 0, 'any is the default');
    t.equal((await store.appendToStream(stream, [newEvent()], { expectedRevision: 'any' })).nextExpectedRevision, 1);
  });

  t.test('accepts stream_exists on an existing stream', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    await store.appendToStream(stream, [newEvent()]);
    const result = await store.appendToStream(stream, [newEvent()], { expectedRevision: 'stream_exists' });
    t.equal(result.nextExpectedRevision, 1);
  });

  t.test('rejects no_stream when the stream exists and writes nothing', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    await store.appendToStream(stream, newEvents(2));
    const before = await streamIds(store, stream);
    await t.rejects(store.appendToStream(stream, [newEvent()], { expectedRevision: 'no_stream' }), {
      code: WRONG,
      streamName: stream,
      expected: 'no_stream',
      actual: 1,
    });
    t.same(await streamIds(store, stream), before);
  });

  t.test('rejects stream_exists when the stream is missing, reporting actual -1', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    await t.rejects(store.appendToStream(stream, [newEvent()], { expectedRevision: 'stream_exists' }), {
      code: WRONG,
      actual: -1,
    });
    t.ok(await isMissing(store, stream));
  });

  t.test('rejects a wrong expected revision and writes nothing', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    await store.appendToStream(stream, newEvents(3));
    const before = await streamIds(store, stream);
    for (const expectedRevision of [0, 1, 3, 7]) {
      await t.rejects(store.appendToStream(stream, [newEvent()], { expectedRevision }), {
        code: WRONG,
        expected: expectedRevision,
        actual: 2,
      });
    }
    const missing = streamOf(uniqueCategory());
    await t.rejects(store.appendToStream(missing, [newEvent()], { expectedRevision: 0 }), { code: WRONG, actual: -1 });
    t.same(await streamIds(store, stream), before);
    t.ok(await isMissing(store, missing));
  });

  t.test('appending no events checks the expectation, writes nothing and returns the head', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const written = await store.appendToStream(stream, newEvents(2));
    for (const expectedRevision of ['any', 'stream_exists', 1] as const) {
      t.same(await store.appendToStream(stream, [], { expectedRevision }), written, `with ${expectedRevision}`);
    }
    await t.rejects(store.appendToStream(stream, [], { expectedRevision: 0 }), { code: WRONG, actual: 1 });
    await t.rejects(store.appendToStream(stream, [], { expectedRevision: 'no_stream' }), { code: WRONG, actual: 1 });
    t.equal((await store.readStream(stream)).length, 2);

    const missing = streamOf(uniqueCategory());
    const none = await store.appendToStream(missing, [], { expectedRevision: 'no_stream' });
    t.equal(none.nextExpectedRevision, -1);
    await t.rejects(store.appendToStream(missing, [], { expectedRevision: 'stream_exists' }), { code: WRONG, actual: -1 });
    t.ok(await isMissing(store, missing), 'an empty append creates no stream');
  });

  t.test('orders positions by commit across streams', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    const positions: number[] = [];
    for (const name of ['a', 'b', 'c', 'a', 'b']) {
      positions.push((await store.appendToStream(streamOf(category, name), [newEvent()])).position);
    }
    t.ok(positions.every((p, i) => i === 0 || p > positions[i - 1]!), 'each append lands after the previous one');
    const all = await store.readAll({ filter: { kind: 'category', categories: [category] } });
    t.same(all.map((e) => e.position), positions);
    t.same(all.map((e) => e.streamName.slice(category.length + 1)), ['a', 'b', 'c', 'a', 'b']);
  });
}
