import type { Test } from 'tap';
import { MAX_APPEND_BYTES, type EventData, type EventStore } from '../../../contracts/event-store.js';
import { isMissing, newEvent, storeFor, streamOf, uniqueCategory, type OpenStore } from './helpers.js';

const CLOSED = { code: 'STORE.CLOSED' };

async function subscribeFails(store: EventStore): Promise<unknown> {
  try {
    // An adapter may refuse at once or when iterated; both count.
    for await (const message of store.subscribeToAll()) return message;
    return undefined;
  } catch (error) {
    return error;
  }
}

export function validationRules(t: Test, open: OpenStore): void {
  t.test('rejects an empty stream name and one starting with $', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    for (const name of ['', `$${category}`, `$${category}-x`]) {
      await t.rejects(store.appendToStream(name, [newEvent()]), { code: 'STORE.INVALID_STREAM_NAME' }, `"${name}"`);
    }
    const written = await store.readAll({ filter: { kind: 'category', categories: [`$${category}`] } });
    t.same(written, []);
  });

  t.test('rejects an event without a UUID id or a type and writes nothing', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const bad: EventData[] = [
      { ...newEvent(), id: 'not-a-uuid' },
      { ...newEvent(), id: '' },
      { ...newEvent(), type: '' },
      { ...newEvent(), id: undefined as unknown as string },
      { ...newEvent(), type: undefined as unknown as string },
    ];
    for (const event of bad) {
      await t.rejects(store.appendToStream(stream, [newEvent(), event]), { code: 'STORE.INVALID_EVENT' });
    }
    t.ok(await isMissing(store, stream));
  });

  t.test('rejects an append over 1 MiB and writes nothing', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const half = 'x'.repeat(MAX_APPEND_BYTES / 2);
    await t.rejects(
      store.appendToStream(stream, [newEvent('Big', { half }), newEvent('Big', {}, { half })]),
      { code: 'STORE.APPEND_TOO_LARGE', streamName: stream, maxBytes: MAX_APPEND_BYTES },
    );
    // Multi-byte characters count as the bytes they take, not as characters.
    const wide = '回'.repeat(MAX_APPEND_BYTES / 3);
    await t.rejects(store.appendToStream(stream, [newEvent('Big', { wide })]), { code: 'STORE.APPEND_TOO_LARGE' });
    t.ok(await isMissing(store, stream));
  });

  t.test('accepts an append just under 1 MiB and reads it back intact', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const text = '回音'.repeat((MAX_APPEND_BYTES - 8192) / 6);
    await store.appendToStream(stream, [newEvent('Big', { text })]);
    const [event] = await store.readStream(stream);
    t.equal((event?.data as { text: string }).text, text);
  });

  t.test('fails every call with STORE.CLOSED after close', async (t) => {
    const store = await open();
    const stream = streamOf(uniqueCategory());
    await store.appendToStream(stream, [newEvent()]);
    await store.close();
    await t.rejects(store.appendToStream(stream, [newEvent()]), CLOSED);
    await t.rejects(store.readStream(stream), CLOSED);
    await t.rejects(store.readAll(), CLOSED);
    await t.rejects(store.headPosition(), CLOSED);
    await t.rejects(store.logId(), CLOSED);
    t.match(await subscribeFails(store), CLOSED);
    await t.resolves(store.close(), 'closing twice is harmless');
  });
}
