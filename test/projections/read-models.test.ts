import { closeSync, copyFileSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import type { EventStore } from '../../contracts/event-store.js';
import { directoryProjection, listDeputies } from '../../projections/directory/index.js';
import { ReadModels } from '../../projections/read-models.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { deputy, directoryWriter, station } from '../support/directory-fixtures.js';

const removeDb = (path: string) => ['', '-wal', '-shm'].forEach((suffix) => rmSync(`${path}${suffix}`, { force: true }));

function paths(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-read-models-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, log: join(dir, 'events.sqlite'), models: join(dir, 'read-models.sqlite') };
}

/** A station and its deputies, written through the directory workflows. */
async function writeDeputies(store: EventStore, ids: string[]): Promise<void> {
  const write = directoryWriter(store);
  await write.register('area', { code: '520221', name: 'Shuicheng District' });
  await write.register('station', station('st-fana', '520221'));
  for (const id of ids) await write.register('deputy', deputy(id, ['st-fana']));
}

/** Opens the read models with the directory on them, caught up with the log. */
async function directoryOver(store: EventStore, path: string) {
  const models = await ReadModels.open(store, path);
  const runner = models.start(directoryProjection);
  await runner.waitFor(await store.headPosition(), 5_000);
  return { models, deputies: () => listDeputies(models.db).map((d) => d.id) };
}

t.test('read models › a wiped log: they are rebuilt and show the new log’s deputies', async (t) => {
  const at = paths(t);
  const first = await openSqliteEventStore({ path: at.log });
  await writeDeputies(first, ['dep-a', 'dep-b', 'dep-c', 'dep-d']);
  const firstId = await first.logId();
  const reached = await first.headPosition();
  const before = await directoryOver(first, at.models);
  t.same(before.deputies(), ['dep-a', 'dep-b', 'dep-c', 'dep-d']);
  await before.models.close();
  await first.close();

  removeDb(at.log);
  const second = await openSqliteEventStore({ path: at.log });
  t.teardown(() => second.close());
  await writeDeputies(second, ['dep-new']);
  t.ok((await second.headPosition()) < reached, 'the new log is shorter than the read models had got');
  const after = await directoryOver(second, at.models);
  t.teardown(() => after.models.close());
  t.same(after.deputies(), ['dep-new'], 'the new deputy shows, and none of the lost log’s');
  t.match(after.models.origin.dropped, /built from another event log/);
  t.match(after.models.origin.replacedLogs, [{ logId: firstId, position: reached }], 'the lost log is remembered');

  await after.models.close();
  const again = await directoryOver(second, at.models);
  t.teardown(() => again.models.close());
  t.equal(again.models.origin.dropped, undefined, 'read models of this log are kept at the next start');
  t.equal(again.models.origin.replacedLogs.length, 1, 'and the loss is still remembered');
});

t.test('read models › a log restored from an older copy: a checkpoint beyond its head is rebuilt', async (t) => {
  const at = paths(t);
  const store = await openSqliteEventStore({ path: at.log });
  await writeDeputies(store, ['dep-a']);
  await store.close();
  copyFileSync(at.log, join(at.dir, 'backup.sqlite'));
  const later = await openSqliteEventStore({ path: at.log });
  await directoryWriter(later).register('deputy', deputy('dep-lost', ['st-fana']));
  const reached = await later.headPosition();
  const built = await directoryOver(later, at.models);
  t.same(built.deputies(), ['dep-a', 'dep-lost']);
  await built.models.close();
  await later.close();

  removeDb(at.log);
  renameSync(join(at.dir, 'backup.sqlite'), at.log);
  const restored = await openSqliteEventStore({ path: at.log });
  t.teardown(() => restored.close());
  const after = await directoryOver(restored, at.models);
  t.teardown(() => after.models.close());
  t.same(after.deputies(), ['dep-a'], 'only what the restored log holds');
  t.match(after.models.origin.dropped, /beyond the head of the event log/);
  t.match(after.models.origin.replacedLogs, [{ logId: await restored.logId(), position: reached }]);
});

t.test('read models › a damaged read-model database is dropped and rebuilt from the log', async (t) => {
  const at = paths(t);
  const store = await openSqliteEventStore({ path: at.log });
  t.teardown(() => store.close());
  await writeDeputies(store, ['dep-a', 'dep-b']);
  const built = await directoryOver(store, at.models);
  await built.models.close();

  // One page in the middle overwritten.
  const fd = openSync(at.models, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
  closeSync(fd);
  const torn = await directoryOver(store, at.models);
  t.match(torn.models.origin.dropped, /failed PRAGMA quick_check/);
  t.same(torn.deputies(), ['dep-a', 'dep-b'], 'rebuilt from the log');
  await torn.models.close();

  writeFileSync(at.models, 'no database at all '.repeat(500));
  const junk = await directoryOver(store, at.models);
  t.teardown(() => junk.models.close());
  t.match(junk.models.origin.dropped, /failed PRAGMA quick_check \(file is not a database\)/);
  t.same(junk.deputies(), ['dep-a', 'dep-b']);
});

t.test('read models › checkpoints that name no log (written before they did) are rebuilt', async (t) => {
  const at = paths(t);
  const store = await openSqliteEventStore({ path: at.log });
  t.teardown(() => store.close());
  await writeDeputies(store, ['dep-a']);
  const old = new Database(at.models);
  old.exec(`CREATE TABLE projection_checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO projection_checkpoints VALUES ('directory@2', 1)`);
  old.close();
  const after = await directoryOver(store, at.models);
  t.teardown(() => after.models.close());
  t.match(after.models.origin.dropped, /name no event log/);
  t.same(after.models.origin.replacedLogs, [], 'no loss: the log reaches past the checkpoint');
  t.same(after.deputies(), ['dep-a']);
});

t.test('read models › kept as they are when built from this log and within its head', async (t) => {
  const at = paths(t);
  const store = await openSqliteEventStore({ path: at.log });
  t.teardown(() => store.close());
  await writeDeputies(store, ['dep-a']);
  await (await directoryOver(store, at.models)).models.close();
  const reopened = await ReadModels.open(store, at.models);
  t.teardown(() => reopened.close());
  t.same(reopened.origin, { logId: await store.logId(), replacedLogs: [] });
  const kept = reopened.db.prepare('SELECT position, log_id AS logId FROM projection_checkpoints').all();
  t.same(kept, [{ position: await store.headPosition(), logId: await store.logId() }], 'the checkpoint names its log');
});
