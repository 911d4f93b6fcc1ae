import t from 'tap';
import { openTestStore } from '../../support/store-factory.js';
import { people, testApp } from '../../support/test-app.js';
import { gated } from '../../projections/projection-fixtures.js';

t.test('GET /api/projections › admins and auditors see every read model; others are refused', async (t) => {
  const { app, call, openCase } = await testApp(t);
  await openCase();
  await Promise.all(['directory', 'case-list', 'dashboard', 'diary', 'deadlines', 'notifications', 'three-ones', 'visits', 'appointments'].map((name) => app.readModels.runner(name)!.caughtUp));
  for (const who of [people.staff, people.deputyLi, people.supervisor]) {
    const refused = await call(who, 'GET', '/api/projections');
    t.equal(refused.statusCode, 403, `${who.role} may not`);
    t.match(refused.headers['content-type'], /application\/problem\+json/);
  }
  t.equal((await app.inject('/api/projections')).statusCode, 401);
  for (const who of [people.admin, people.auditor]) {
    const listed = await call(who, 'GET', '/api/projections');
    t.equal(listed.statusCode, 200, who.role);
    const items = listed.json() as Array<Record<string, unknown>>;
    t.same(items.map((item) => item.name), ['directory', 'case-list', 'dashboard', 'diary', 'deadlines', 'notifications', 'three-ones', 'visits', 'appointments']);
    for (const item of items) {
      t.match(item, { version: Number, position: Number, state: 'live', serving: true, lagMs: Number });
      t.ok(item.lagEvents === null || typeof item.lagEvents === 'number', 'lagEvents counted, or null where the store cannot count');
      t.notOk('error' in item);
    }
  }
});

t.test('/readyz › 503 naming the read models still catching up after a start, then ready', async (t) => {
  const base = await openTestStore();
  t.teardown(() => base.close());
  const gate = gated(base, ['case']);
  const { app } = await testApp(t, { store: gate.store, ready: false });
  const waiting = await app.inject('/readyz');
  t.equal(waiting.statusCode, 503);
  t.match(waiting.headers['content-type'], /application\/problem\+json/);
  t.ok(waiting.headers['retry-after']);
  t.match(waiting.json(), { code: 'READ_MODEL.BEHIND', catchingUp: ['case-list@2', 'dashboard@2', 'diary@2'] });
  t.notOk(waiting.json().catchingUp.includes('directory@2'), 'the directory has caught up');

  gate.release();
  await Promise.all(['case-list', 'dashboard', 'diary', 'deadlines', 'notifications', 'three-ones'].map((name) => app.readModels.runner(name)!.caughtUp));
  const ready = await app.inject('/readyz');
  t.equal(ready.statusCode, 200);
  t.match(ready.json(), { status: 'ready', logPosition: Number });
  t.notOk('failedProjections' in ready.json());
});
