import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { bodies, people, testApp } from '../support/test-app.js';

/** An app over an event log in a file of its own, which the test can edit behind the store's back. */
async function fileApp(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-verify-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'events.sqlite');
  const store = await openSqliteEventStore({ path });
  t.teardown(() => store.close());
  const test = await testApp(t, { store });
  /** Changes one stored event with a raw connection, as someone with the file would. */
  const edit = (caseId: string, revision: number, set: string, ...params: unknown[]) => {
    const raw = new Database(path);
    const stream = test.app.cases.engine.streamNameOf(caseId);
    const changed = raw.prepare(`UPDATE events SET ${set} WHERE stream = ? AND revision = ?`).run(...params, stream, revision).changes;
    raw.close();
    if (changed !== 1) throw new Error(`no event ${stream}@${revision}`);
  };
  return { ...test, path, edit };
}

t.test('verify › an intact case verifies, for auditors and admins', async (t) => {
  const { call, openCase } = await fileApp(t);
  const { id } = await openCase([['assign', bodies.assign], ['acknowledge']]);
  for (const who of [people.auditor, people.admin]) {
    const res = await call(who, 'GET', `/api/cases/${id}/verify`);
    t.equal(res.statusCode, 200, who.role);
    t.same(res.json(), { ok: true, events: 3 });
  }
});

t.test('verify › an event edited in the database breaks the chain at its revision, while /history still serves it', async (t) => {
  const { call, openCase, edit } = await fileApp(t);
  const { id } = await openCase([['assign', bodies.assign], ['acknowledge']]);
  t.equal((await call(people.auditor, 'GET', `/api/cases/${id}/verify`)).json().ok, true, 'read (and cached) before the edit');
  edit(id, 1, `data = json_set(data, '$.deputyIds', json('["dep-wen"]'))`);

  const verified = await call(people.auditor, 'GET', `/api/cases/${id}/verify`);
  t.equal(verified.statusCode, 200);
  t.same(verified.json(), { ok: false, events: 3, brokenAt: 1, reason: 'content does not match its hash' });
  const history = await call(people.auditor, 'GET', `/api/cases/${id}/history`);
  t.equal(history.statusCode, 200, 'history serves the log as stored');
  t.same(history.json().events[1].data.deputyIds, ['dep-wen'], 'edited event included');
});

t.test('verify › a stream edited so that it no longer folds is still verified for an auditor', async (t) => {
  const { openCase, edit, store } = await fileApp(t);
  const { id } = await openCase([['assign', bodies.assign]]);
  edit(id, 0, `type = 'CaseClosed'`);
  // Another instance, whose engine has never folded this case.
  const fresh = await testApp(t, { store, seed: false });
  t.equal((await fresh.call(people.auditor, 'GET', `/api/cases/${id}`)).json().code, 'ENGINE.CORRUPT_STREAM', 'the case no longer folds');
  const res = await fresh.call(people.auditor, 'GET', `/api/cases/${id}/verify`);
  t.equal(res.statusCode, 200, res.body);
  t.match(res.json(), { ok: false, events: 2, brokenAt: 0 });
});

t.test('verify › others may not: 403 where they see the case, 404 where they do not', async (t) => {
  const { call, openCase } = await fileApp(t);
  const { id } = await openCase();
  const url = `/api/cases/${id}/verify`;
  for (const who of [people.staff, people.supervisor, people.deputyWen]) {
    const res = await call(who, 'GET', url);
    t.equal(res.statusCode, 403, `${who.sub} sees the case but may not verify it`);
    t.equal(res.json().code, 'AUTH.FORBIDDEN');
  }
  for (const who of [people.otherStaff, people.otherSupervisor, people.deputyYue]) {
    const res = await call(who, 'GET', url);
    t.equal(res.statusCode, 404, `${who.sub} does not see the case`);
    t.equal(res.json().code, 'CASE.NOT_FOUND');
  }
  const missing = await call(people.auditor, 'GET', `/api/cases/${id.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}/verify`);
  t.equal(missing.statusCode, 404, 'a case that does not exist');
});
