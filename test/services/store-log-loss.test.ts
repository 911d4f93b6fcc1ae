import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { culvert, people, testApp } from '../support/test-app.js';

/** The service as `npm start` runs it: the log in a file, committed by a writer thread. */
async function serviceOnFile(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-loss-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'events.sqlite');
  const store = await openSqliteEventStore({ path, writerThread: true });
  t.teardown(() => store.close());
  return { dir, path, ...(await testApp(t, { store })) };
}

const removeLog = (path: string) => ['', '-wal', '-shm'].forEach((suffix) => rmSync(`${path}${suffix}`, { force: true }));

t.test('a lost log › creates answer 503 STORE.UNAVAILABLE and /readyz 503 once the log file is removed', async (t) => {
  const { app, call, path } = await serviceOnFile(t);
  t.equal((await call(people.staff, 'POST', '/api/cases', culvert)).statusCode, 201, 'while the file is there');
  t.equal((await app.inject('/readyz')).statusCode, 200);

  removeLog(path);
  const refused = await call(people.staff, 'POST', '/api/cases', culvert);
  t.equal(refused.statusCode, 503, 'no 201 into a deleted file');
  t.match(refused.json(), { code: 'STORE.UNAVAILABLE' });
  t.ok(refused.headers['retry-after'], 'with Retry-After');
  const ready = await app.inject('/readyz');
  t.equal(ready.statusCode, 503, 'not ready, so an orchestrator restarts it');
  t.match(ready.json(), { code: 'STORE.UNAVAILABLE' });
});

t.test('a lost log › the same when another file is put in its place', async (t) => {
  const { app, call, path, dir } = await serviceOnFile(t);
  const { id } = (await call(people.staff, 'POST', '/api/cases', culvert)).json() as { id: string };
  const other = await openSqliteEventStore({ path: join(dir, 'other.sqlite') });
  await other.close();
  renameSync(join(dir, 'other.sqlite'), path);
  t.equal((await app.inject('/readyz')).statusCode, 503);
  const note = await call(people.admin, 'POST', `/api/cases/${id}/add-note`, { text: 'into which file?' });
  t.equal(note.statusCode, 503);
  t.match(note.json(), { code: 'STORE.UNAVAILABLE' });
});
