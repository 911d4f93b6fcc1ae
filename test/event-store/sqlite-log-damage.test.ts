import { closeSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { openSqliteEventStore, type SqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { newEvent, newEvents } from './conformance/helpers.js';

const UNAVAILABLE = { code: 'STORE.UNAVAILABLE' };
const removeLog = (path: string) => ['', '-wal', '-shm'].forEach((suffix) => rmSync(`${path}${suffix}`, { force: true }));

/** A directory of the test's own (tap's testdir fails its teardown once a writer thread has run). */
function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-damage-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function storeAt(t: Test, path: string, writerThread: boolean): Promise<SqliteEventStore> {
  const store = await openSqliteEventStore({ path, writerThread });
  t.teardown(() => store.close());
  return store;
}

t.test('sqlite event store › the log identity lives in the file', async (t) => {
  const path = join(tempDir(t), 'events.sqlite');
  const first = await openSqliteEventStore({ path });
  const id = await first.logId();
  await first.appendToStream('kept-1', [newEvent()]);
  await first.close();
  t.equal(await (await storeAt(t, path, true)).logId(), id, 'reopened, with a writer thread too: the same log');
  removeLog(path);
  const anew = await storeAt(t, path, false);
  t.not(await anew.logId(), id, 'a log made anew at the path is another log');
  t.equal(await anew.headPosition(), 0);
});

for (const writerThread of [false, true]) {
  const how = writerThread ? 'with a writer thread' : 'committing on the event loop';

  t.test(`sqlite event store (${how}) › stops taking appends when its file is removed`, async (t) => {
    const path = join(tempDir(t), 'events.sqlite');
    const store = await storeAt(t, path, writerThread);
    await store.appendToStream('before-1', newEvents(2));
    removeLog(path);
    await t.rejects(store.appendToStream('after-1', [newEvent()]), { ...UNAVAILABLE, message: /events\.sqlite was removed/ }, 'the next append, before any probe');
    await t.rejects(store.headPosition(), UNAVAILABLE, 'the readiness probe');
    await t.rejects(store.appendToStream('before-1', [newEvent()]), UNAVAILABLE, 'and every later append');
    t.equal((await store.readStream('before-1')).length, 2, 'what was committed can still be read');
  });

  t.test(`sqlite event store (${how}) › stops taking appends when another file replaces it`, async (t) => {
    const dir = tempDir(t);
    const path = join(dir, 'events.sqlite');
    const store = await storeAt(t, path, writerThread);
    await store.appendToStream('before-1', [newEvent()]);
    const other = await openSqliteEventStore({ path: join(dir, 'restored.sqlite') });
    await other.close();
    renameSync(join(dir, 'restored.sqlite'), path);
    await t.rejects(store.headPosition(), { ...UNAVAILABLE, message: /replaced by another file/ });
    await t.rejects(store.appendToStream('after-1', [newEvent()]), UNAVAILABLE);
  });
}

t.test('sqlite event store › stops taking appends when its file stops reading as a database', async (t) => {
  const path = join(tempDir(t), 'events.sqlite');
  const store = await storeAt(t, path, false);
  await store.appendToStream('before-1', newEvents(3));
  // Overwritten in place: the same file, and the connection's cache hides it from queries.
  writeFileSync(path, 'not a database '.repeat(1000));
  await t.rejects(store.appendToStream('after-1', [newEvent()]), { ...UNAVAILABLE, message: /it is no SQLite database now/ });
  await t.rejects(store.headPosition(), UNAVAILABLE);
});

t.test('sqlite event store › refuses to open a damaged log, naming the file and the check', async (t) => {
  const dir = tempDir(t);
  const junk = join(dir, 'junk.sqlite');
  writeFileSync(junk, 'this was never a database '.repeat(400));
  await t.rejects(openSqliteEventStore({ path: junk }), {
    code: 'STORE.CORRUPT',
    message: `the event log ${junk} failed PRAGMA quick_check: file is not a database`,
  });

  const torn = join(dir, 'torn.sqlite');
  const store = await openSqliteEventStore({ path: torn });
  for (let i = 0; i < 20; i++) await store.appendToStream(`torn-${i}`, newEvents(20));
  await store.close();
  // One page in the middle overwritten, as a bad disk or a careless copy leaves it.
  const fd = openSync(torn, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
  closeSync(fd);
  await t.rejects(openSqliteEventStore({ path: torn, writerThread: true }), {
    code: 'STORE.CORRUPT',
    message: new RegExp(`^the event log ${torn} failed PRAGMA quick_check: `),
  });
});
