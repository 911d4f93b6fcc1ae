import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { ReadModels } from '../../projections/read-models.js';
import { currentBootId } from '../../projections/unsynced-writes.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';

const OFF = 0;
const NORMAL = 1;

t.test('read models › written without waiting for the disk only where a restart can be told apart', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-unsynced-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const store = await openSqliteEventStore({ path: join(dir, 'events.sqlite') });
  t.teardown(() => store.close());
  t.match(currentBootId(), /^[0-9a-f-]{36}$/, 'Linux gives this boot an id');

  const withBoot = await ReadModels.open(store, join(dir, 'a.sqlite'), { bootId: 'boot-1' });
  t.equal(withBoot.db.pragma('synchronous', { simple: true }), OFF, 'a boot id: checkpoints do not wait for the disk');
  // The database file alone, as a power cut that lost the WAL would leave it.
  copyFileSync(join(dir, 'a.sqlite'), join(dir, 'a-file-only.sqlite'));
  const fileOnly = new Database(join(dir, 'a-file-only.sqlite'));
  t.same(fileOnly.prepare('SELECT boot_id, still_open FROM read_model_open_under').all(), [{ boot_id: 'boot-1', still_open: 1 }], 'the open mark is in the file itself, not only in its WAL');
  fileOnly.close();
  await withBoot.close();

  const without = await ReadModels.open(store, join(dir, 'b.sqlite'), { bootId: undefined });
  t.equal(without.db.pragma('synchronous', { simple: true }), NORMAL, 'none: they wait, as before');
  await without.close();
  const reopened = await ReadModels.open(store, join(dir, 'b.sqlite'), { bootId: 'boot-2' });
  t.equal(reopened.origin.dropped, undefined, 'a file never marked open is kept');
  await reopened.close();
});
