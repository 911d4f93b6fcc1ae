import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { openEventStore } from '../../services/event-store/open-store.js';
import { openSqliteEventStore, type SqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { isMissing, newEvent, newEvents, streamOf, uniqueCategory } from './conformance/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'huiyin-group-commit-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

async function fileStore(t: Test, name: string): Promise<SqliteEventStore> {
  const store = await openSqliteEventStore({ path: join(dir, `${name}.sqlite`) });
  t.teardown(() => store.close());
  return store;
}

function transactionsDuring(store: SqliteEventStore): () => number {
  const before = store.stats().transactions;
  return () => store.stats().transactions - before;
}

t.test('sqlite event store › group commit', async (t) => {
  t.test('commits many concurrent appends in one transaction', async (t) => {
    const store = await fileStore(t, 'batching');
    const category = uniqueCategory();
    const transactions = transactionsDuring(store);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, n) => store.appendToStream(streamOf(category, `s${n}`), [newEvent()])),
    );
    t.equal(results.length, 100);
    t.equal(transactions(), 1);
  });

  t.test('splits a long queue into bounded transactions', async (t) => {
    const store = await openSqliteEventStore({ path: ':memory:' });
    t.teardown(() => store.close());
    const transactions = transactionsDuring(store);
    const stream = streamOf(uniqueCategory());
    const results = await Promise.all(Array.from({ length: 600 }, () => store.appendToStream(stream, [newEvent()])));
    t.same(results.map((r) => r.nextExpectedRevision), Array.from({ length: 600 }, (_, n) => n));
    t.ok(transactions() >= 3 && transactions() < 10, `${transactions()} transactions`);
  });

  t.test('lets appends to one stream in one batch see each other in order', async (t) => {
    const store = await fileStore(t, 'ordering');
    const stream = streamOf(uniqueCategory());
    const transactions = transactionsDuring(store);
    const results = await Promise.all([
      store.appendToStream(stream, [newEvent()], { expectedRevision: 'no_stream' }),
      store.appendToStream(stream, newEvents(2), { expectedRevision: 0 }),
      store.appendToStream(stream, [newEvent()], { expectedRevision: 2 }),
      store.appendToStream(stream, [newEvent()], { expectedRevision: 'stream_exists' }),
    ]);
    t.same(results.map((r) => r.nextExpectedRevision), [0, 2, 3, 4]);
    t.equal(transactions(), 1);
  });

  t.test('rejects a failing append alone and commits the rest of its batch', async (t) => {
    const store = await fileStore(t, 'poison');
    // A trigger stands in for a write that fails half way through an append.
    const side = new Database(join(dir, 'poison.sqlite'));
    side.exec(`CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.type = 'Poison'
               BEGIN SELECT RAISE(ABORT, 'poisoned'); END`);
    side.close();
    const category = uniqueCategory();
    const [good, half, single] = ['good', 'half', 'single'].map((n) => streamOf(category, n));
    const transactions = transactionsDuring(store);
    const results = await Promise.allSettled([
      store.appendToStream(good!, [newEvent()]),
      store.appendToStream(half!, [newEvent(), newEvent('Poison')]),
      store.appendToStream(single!, [newEvent('Poison')]),
      store.appendToStream(good!, newEvents(2), { expectedRevision: 0 }),
    ]);
    t.same(results.map((r) => r.status), ['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    t.equal(transactions(), 1);
    t.equal((await store.readStream(good!)).length, 3);
    t.ok(await isMissing(store, half!), 'the first event of the failed append was rolled back');
    t.ok(await isMissing(store, single!));
  });

  t.test('tells new streams, a conflict, a retry and a conflicting retry apart in one batch', async (t) => {
    const store = await fileStore(t, 'new-streams');
    const category = uniqueCategory();
    const [taken, fresh, twice] = ['taken', 'fresh', 'twice'].map((n) => streamOf(category, n));
    await store.appendToStream(taken!, newEvents(2));
    const first = newEvents(2);
    const opened = await store.appendToStream(twice!, first, { expectedRevision: 'no_stream' });
    const transactions = transactionsDuring(store);
    const results = await Promise.allSettled([
      store.appendToStream(fresh!, newEvents(3), { expectedRevision: 'no_stream' }),
      store.appendToStream(taken!, [newEvent()], { expectedRevision: 'no_stream' }),
      store.appendToStream(twice!, first, { expectedRevision: 'no_stream' }),
      store.appendToStream(twice!, newEvents(1), { expectedRevision: 'no_stream' }),
    ]);
    t.equal(transactions(), 1, 'all in one batch');
    t.match(results[0], { status: 'fulfilled', value: { nextExpectedRevision: 2 } }, 'a new stream opens with all its events');
    t.match(results[1], { status: 'rejected', reason: { code: 'STORE.WRONG_EXPECTED_REVISION', actual: 1 } }, 'an existing one refuses');
    t.match(results[2], { status: 'fulfilled', value: opened }, 'a retry answers with the first result');
    t.match(results[3], { status: 'rejected', reason: { code: 'STORE.WRONG_EXPECTED_REVISION', actual: 1 } }, 'other events are a conflict');
    t.equal((await store.readStream(taken!)).length, 2, 'the refused append wrote nothing');
    t.same((await store.readStream(twice!)).map((e) => e.id), first.map((e) => e.id), 'nor did the retry');
  });

  t.test('fails the whole batch as unavailable when SQLite rolls the transaction back', async (t) => {
    const store = await fileStore(t, 'rollback');
    const side = new Database(join(dir, 'rollback.sqlite'));
    side.exec(`CREATE TRIGGER doom BEFORE INSERT ON events WHEN NEW.type = 'Doom'
               BEGIN SELECT RAISE(ROLLBACK, 'doomed'); END`);
    side.close();
    const category = uniqueCategory();
    const streams = ['before', 'doom', 'after'].map((n) => streamOf(category, n));
    const results = await Promise.allSettled([
      store.appendToStream(streams[0]!, [newEvent()]),
      store.appendToStream(streams[1]!, [newEvent(), newEvent('Doom')]),
      store.appendToStream(streams[2]!, [newEvent()]),
    ]);
    for (const result of results) t.match(result, { status: 'rejected', reason: { code: 'STORE.UNAVAILABLE' } });
    for (const stream of streams) t.ok(await isMissing(store, stream!), `${stream} has nothing`);
    t.equal((await store.appendToStream(streams[0]!, [newEvent()])).nextExpectedRevision, 0, 'the store goes on');
  });
});

t.test('sqlite event store › lifecycle', async (t) => {
  t.test('commits appends already accepted when closed', async (t) => {
    const path = join(dir, 'closing.sqlite');
    const store = await openSqliteEventStore({ path });
    const stream = streamOf(uniqueCategory());
    const pending = Promise.all([store.appendToStream(stream, [newEvent()]), store.appendToStream(stream, [newEvent()])]);
    await store.close();
    t.same((await pending).map((r) => r.nextExpectedRevision), [0, 1]);
    const reopened = await openSqliteEventStore({ path });
    t.teardown(() => reopened.close());
    t.equal((await reopened.readStream(stream)).length, 2);
  });

  t.test('keeps revisions and positions growing across a reopen', async (t) => {
    const path = join(dir, 'reopen.sqlite');
    const stream = streamOf(uniqueCategory());
    const first = await openSqliteEventStore({ path });
    const before = await first.appendToStream(stream, newEvents(2));
    await first.close();
    const second = await openSqliteEventStore({ path });
    t.teardown(() => second.close());
    const after = await second.appendToStream(stream, [newEvent()], { expectedRevision: 1 });
    t.equal(after.nextExpectedRevision, 2);
    t.ok(after.position > before.position);
    t.equal(await second.headPosition(), after.position);
  });

  t.test('openEventStore creates the data directory and its events.sqlite', async (t) => {
    const dataDir = join(dir, 'nested', 'data');
    const store = await openEventStore({ dataDir });
    t.teardown(() => store.close());
    await store.appendToStream(streamOf(uniqueCategory()), [newEvent()]);
    t.ok(existsSync(join(dataDir, 'events.sqlite')));
  });

  t.test('reports an empty log at position 0', async (t) => {
    const store = await openSqliteEventStore({ path: ':memory:' });
    t.teardown(() => store.close());
    t.equal(await store.headPosition(), 0);
    t.same(await store.readAll(), []);
  });
});
