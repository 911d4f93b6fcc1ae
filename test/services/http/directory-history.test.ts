import t from 'tap';
import { people, testApp } from '../../support/test-app.js';

t.test('GET /api/{kind}/{id}/history › every change, with who made it and when', async (t) => {
  const { call } = await testApp(t);
  const patch = await call(people.admin, 'PATCH', '/api/stations/st-panlong', { receptionSchedule: 'Mondays and Thursdays' });
  const res = await call(people.auditor, 'GET', '/api/stations/st-panlong/history');
  t.equal(res.statusCode, 200);
  const { events } = res.json();
  t.same(
    events.map((e: { revision: number; type: string }) => [e.revision, e.type]),
    [[0, 'StationRegistered'], [1, 'StationUpdated']],
  );
  t.same(events[1].data, { id: 'st-panlong', receptionSchedule: 'Mondays and Thursdays' }, 'only what changed');
  t.match(events[1], {
    position: patch.json().position,
    recordedAt: String,
    metadata: { actor: { id: 'admin-1', role: 'admin' }, occurredAt: String, commandId: String, workflow: { name: 'station', version: 1 } },
  });
  t.equal(events[1].metadata.prevHash, events[0].metadata.hash, 'the hash chain is there to verify');
  const areas = await call(people.supervisor, 'GET', '/api/areas/520221/history');
  t.same(areas.json().events.map((e: { type: string }) => e.type), ['AreaRegistered']);
  const deputies = await call(people.admin, 'GET', '/api/deputies/dep-li/history');
  t.same(deputies.json().events[0].data.stationIds, ['st-baichehe', 'st-panlong']);
});

t.test('GET /api/{kind}/{id}/history › for administrators, supervisors and auditors only', async (t) => {
  const { app, call } = await testApp(t);
  t.equal((await app.inject('/api/deputies/dep-li/history')).statusCode, 401);
  for (const who of [people.staff, people.deputyLi]) {
    const res = await call(who, 'GET', '/api/deputies/dep-li/history');
    t.equal(res.statusCode, 403, who.sub);
    t.equal(res.json().code, 'AUTH.FORBIDDEN');
  }
});

t.test('GET /api/{kind}/{id}/history › 404 for an entry that never existed, 400 for a malformed id', async (t) => {
  const { call } = await testApp(t);
  const missing = await call(people.auditor, 'GET', '/api/stations/st-never/history');
  t.equal(missing.statusCode, 404);
  t.equal(missing.json().code, 'DIRECTORY.NOT_FOUND');
  const malformed = await call(people.auditor, 'GET', '/api/areas/52/history');
  t.equal(malformed.statusCode, 400);
  t.same(malformed.json().errors.map((e: { in: string; path: string }) => `${e.in}:${e.path}`), ['path:code']);
});
