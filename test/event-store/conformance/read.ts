import type { Test } from 'tap';
import { READ_ALL_DEFAULT_COUNT, READ_ALL_MAX_COUNT, type EventStore } from '../../../contracts/event-store.js';
import { newEvent, newEvents, storeFor, streamOf, uniqueCategory, type OpenStore } from './helpers.js';

/** Appends one event to each named stream in turn and returns their positions. */
async function appendEach(store: EventStore, streams: string[], type = 'Happened'): Promise<number[]> {
  const positions: number[] = [];
  for (const stream of streams) positions.push((await store.appendToStream(stream, [newEvent(type)])).position);
  return positions;
}

export function readRules(t: Test, open: OpenStore): void {
  t.test('reads a stream forwards from a revision, inclusive, up to maxCount', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    await store.appendToStream(stream, newEvents(5));
    const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
      (await store.readStream(stream, options)).map((e) => e.revision);
    t.same(await revisions({}), [0, 1, 2, 3, 4]);
    t.same(await revisions({ fromRevision: 2 }), [2, 3, 4]);
    t.same(await revisions({ fromRevision: 2, maxCount: 2 }), [2, 3]);
    t.same(await revisions({ fromRevision: 'start', maxCount: 1 }), [0]);
    t.same(await revisions({ fromRevision: 9 }), []);
  });

  t.test('reads a stream backwards from a revision, inclusive, and from the end', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    await store.appendToStream(stream, newEvents(5));
    const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
      (await store.readStream(stream, { direction: 'backwards', ...options })).map((e) => e.revision);
    t.same(await revisions({}), [4, 3, 2, 1, 0]);
    t.same(await revisions({ fromRevision: 'end', maxCount: 2 }), [4, 3]);
    t.same(await revisions({ fromRevision: 3, maxCount: 2 }), [3, 2]);
    t.same(await revisions({ fromRevision: 0 }), [0]);
  });

  t.test('fails with StreamNotFoundError for a missing stream', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    await t.rejects(store.readStream(stream), { code: 'STORE.STREAM_NOT_FOUND', streamName: stream });
    await t.rejects(store.readStream(stream, { direction: 'backwards' }), { code: 'STORE.STREAM_NOT_FOUND' });
  });

  t.test('returns data and metadata as objects and recordedAt as an ISO time', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const data = { summary: '涵洞堵塞，村路被淹', count: 3, ok: true, nested: { list: [1, 'two', null] } };
    const metadata = { commandId: 'c-1', actor: { id: 'u-1', role: 'deputy' } };
    const event = newEvent('CaseReceived', data, metadata);
    const before = Date.now();
    const { position } = await store.appendToStream(stream, [event]);
    const [read] = await store.readStream(stream);
    t.match(read, { id: event.id, type: 'CaseReceived', streamName: stream, revision: 0, position });
    t.same(read?.data, data);
    t.same(read?.metadata, metadata);
    const recordedAt = read?.recordedAt ?? '';
    t.equal(new Date(recordedAt).toISOString(), recordedAt, 'an ISO-8601 string');
    t.ok(Math.abs(Date.parse(recordedAt) - before) < 60_000, 'close to the append');
  });

  t.test('reads $all forwards from a position, inclusive', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    const positions = await appendEach(store, ['a', 'b', 'c', 'd'].map((n) => streamOf(category, n)));
    const filter = { kind: 'category' as const, categories: [category] };
    const read = async (fromPosition: number, maxCount?: number) =>
      (await store.readAll({ fromPosition, filter, maxCount })).map((e) => e.position);
    t.same(await read(positions[1]!), positions.slice(1));
    t.same(await read(positions[1]!, 2), positions.slice(1, 3));
    t.same(await read(positions[3]! + 1), []);
  });

  t.test('reads $all backwards strictly before a position, and from the end', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    const positions = await appendEach(store, ['a', 'b', 'c', 'd'].map((n) => streamOf(category, n)));
    const filter = { kind: 'category' as const, categories: [category] };
    const read = async (fromPosition: number | 'end', maxCount?: number) =>
      (await store.readAll({ direction: 'backwards', fromPosition, filter, maxCount })).map((e) => e.position);
    const reversed = [...positions].reverse();
    t.same(await read('end'), reversed);
    t.same(await read('end', 2), reversed.slice(0, 2));
    t.same(await read(positions[2]!), [positions[1], positions[0]]);
    t.same(await read(positions[0]!), []);
  });

  t.test('filters $all by a list of categories, the stream name up to its first dash', async (t) => {
    const store = await storeFor(t, open);
    const [one, two, other] = [uniqueCategory(), uniqueCategory(), uniqueCategory()];
    const streams = [streamOf(one, 'a'), streamOf(other, 'a'), `${two}-b-c`, two, streamOf(one, 'b-c')];
    const positions = await appendEach(store, streams);
    const read = await store.readAll({ fromPosition: positions[0], filter: { kind: 'category', categories: [one, two] } });
    t.same(read.map((e) => e.streamName), [streams[0], streams[2], streams[3], streams[4]]);
    t.same(await store.readAll({ filter: { kind: 'category', categories: [] } }), [], 'an empty list matches nothing');
  });

  t.test('filters $all by a list of event types', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const [wanted, alsoWanted, unwanted] = [uniqueCategory('Wanted'), uniqueCategory('Also'), uniqueCategory('Not')];
    const types = [wanted, unwanted, alsoWanted, wanted];
    await store.appendToStream(stream, types.map((type) => newEvent(type)));
    const read = await store.readAll({
      direction: 'backwards',
      filter: { kind: 'eventType', types: [wanted, alsoWanted] },
    });
    t.same(read.map((e) => [e.type, e.revision]), [[wanted, 3], [alsoWanted, 2], [wanted, 0]]);
  });

  t.test('reads $all a page at a time: a default page size, and a ceiling refused beyond', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    const filter = { kind: 'category' as const, categories: [category] };
    await store.appendToStream(streamOf(category), newEvents(READ_ALL_DEFAULT_COUNT + 1));
    t.equal((await store.readAll({ filter })).length, READ_ALL_DEFAULT_COUNT, 'no maxCount: one default page');
    t.equal((await store.readAll({ filter, direction: 'backwards' })).length, READ_ALL_DEFAULT_COUNT, 'backwards too');
    t.equal((await store.readAll({ filter, maxCount: READ_ALL_MAX_COUNT })).length, READ_ALL_DEFAULT_COUNT + 1);
    t.ok((await store.readAll()).length <= READ_ALL_DEFAULT_COUNT, 'the unfiltered log is paged as well');
    await t.rejects(store.readAll({ maxCount: READ_ALL_MAX_COUNT + 1 }), RangeError, 'a page beyond the ceiling is refused');
    await t.rejects(store.readAll({ maxCount: -1 }), RangeError);
  });
}
