import t from 'tap';
import { culvert, people, testApp } from '../../support/test-app.js';

const problem = 'application/problem+json; charset=utf-8';

t.test('POST /api/cases › opens a case with a tracking code, Location and ETag', async (t) => {
  const { call } = await testApp(t);
  const res = await call(people.staff, 'POST', '/api/cases', culvert);
  t.equal(res.statusCode, 201);
  const body = res.json();
  t.equal(res.headers.location, `/api/cases/${body.id}`);
  t.equal(res.headers.etag, '"0"');
  t.match(body, {
    status: 'received',
    statusGroup: 'open',
    revision: 0,
    stationId: 'st-baichehe',
    areaCode: '520221104',
    trackingCode: /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/,
    escalated: false,
    receivedBy: { id: 'staff-baichehe', role: 'staff' },
  });
  t.same(body.allowedActions.sort(), ['accept', 'add-note', 'decline'], 'what staff may do with a new case');
  t.type(body.position, 'number');
});

t.test('POST /api/cases › bad input is a 400 naming every bad field, and writes nothing', async (t) => {
  const { call, store } = await testApp(t);
  const head = await store.headPosition();
  const res = await call(people.staff, 'POST', '/api/cases', {
    ...culvert,
    channel: 'fax',
    summary: '',
    constituent: { phone: 'x' },
    colour: 'red',
  });
  t.equal(res.statusCode, 400);
  t.equal(res.headers['content-type'], problem);
  const body = res.json();
  t.match(body, { status: 400, code: 'HTTP.BAD_REQUEST', title: 'Bad request', type: /^https:/ });
  t.same(
    body.errors.map((e: { path: string }) => e.path).sort(),
    ['channel', 'colour', 'constituent.name', 'constituent.phone', 'summary'],
  );
  t.equal(await store.headPosition(), head);
});

t.test('POST /api/cases › an unknown station is a 400 on stationId', async (t) => {
  const { call } = await testApp(t);
  const res = await call(people.admin, 'POST', '/api/cases', { ...culvert, stationId: 'st-nowhere' });
  t.equal(res.statusCode, 400);
  t.same(res.json().errors, [{ in: 'body', path: 'stationId', message: 'no such station' }]);
});

t.test('auth › no token or a bad one is 401; the wrong station is 403', async (t) => {
  const { app, call } = await testApp(t);
  const none = await app.inject({ method: 'POST', url: '/api/cases', payload: culvert });
  t.equal(none.statusCode, 401);
  t.equal(none.json().code, 'AUTH.UNAUTHENTICATED');
  const forged = await app.inject({ method: 'GET', url: '/api/cases/x', headers: { authorization: 'Bearer abc.def.ghi' } });
  t.equal(forged.statusCode, 401);
  const elsewhere = await call(people.otherStaff, 'POST', '/api/cases', culvert);
  t.equal(elsewhere.statusCode, 403);
  const auditor = await call(people.auditor, 'POST', '/api/cases', culvert);
  t.equal(auditor.statusCode, 403);
});

t.test('GET /api/cases/:id › in scope: the case; out of scope or missing: 404 alike', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase();
  const own = await call(people.staff, 'GET', `/api/cases/${id}`);
  t.equal(own.statusCode, 200);
  t.equal(own.headers.etag, '"0"');
  t.equal(own.json().summary, culvert.summary);
  for (const who of [people.otherStaff, people.otherSupervisor, people.deputyYue]) {
    const hidden = await call(who, 'GET', `/api/cases/${id}`);
    t.equal(hidden.statusCode, 404, `${who.sub} cannot tell the case exists`);
    t.equal(hidden.json().code, 'CASE.NOT_FOUND');
  }
  const missing = await call(people.admin, 'GET', '/api/cases/no-such-case');
  t.equal(missing.statusCode, 404);
  t.same(Object.keys(missing.json()).sort(), Object.keys((await call(people.otherStaff, 'GET', `/api/cases/${id}`)).json()).sort());
});

t.test('case actions › the culvert case, from receipt to closure', async (t) => {
  const { call } = await testApp(t);
  const created = (await call(people.staff, 'POST', '/api/cases', culvert)).json();
  const steps: Array<[typeof people[keyof typeof people], string, unknown, string]> = [
    [people.supervisor, 'assign', { deputyIds: ['dep-li', 'dep-wen'] }, 'assigned'],
    [people.deputyLi, 'acknowledge', undefined, 'acknowledged'],
    [people.deputyLi, 'schedule-site-check', { at: '2026-06-14T08:00:00+08:00' }, 'site-check'],
    [people.deputyLi, 'complete-site-check', { findings: 'Cleared the culvert' }, 'in-progress'],
    [people.deputyLi, 'resolve', { outcome: 'done', summary: 'Road dry again' }, 'resolved'],
    [people.deputyWen, 'give-feedback', { method: 'in-person', summary: 'Told her at home' }, 'answered'],
    [people.staff, 'record-follow-up', { resolved: true, satisfaction: 'satisfied' }, 'followed-up'],
    [people.staff, 'close', undefined, 'closed'],
  ];
  let position = created.position;
  for (const [who, action, data, status] of steps) {
    const res = await call(who, 'POST', `/api/cases/${created.id}/${action}`, data);
    t.equal(res.statusCode, 200, `${who.sub} may ${action}`);
    t.equal(res.json().status, status);
    t.ok(res.json().position > position, 'each action reports a later log position');
    position = res.json().position;
  }
  const history = (await call(people.auditor, 'GET', `/api/cases/${created.id}/history`)).json();
  t.same(history.events.map((e: { revision: number }) => e.revision), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  t.match(history.events[2], {
    type: 'CaseAcknowledged',
    metadata: { actor: { id: 'dep-li', role: 'deputy' }, commandId: String, hash: /^[0-9a-f]{64}$/, prevHash: history.events[1].metadata.hash },
    recordedAt: String,
  });
});

t.test('case actions › a move the workflow does not allow is 409 with the caller’s allowed actions', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase();
  const res = await call(people.staff, 'POST', `/api/cases/${id}/close`);
  t.equal(res.statusCode, 409);
  t.match(res.json(), { code: 'CASE.ILLEGAL_TRANSITION', caseStatus: 'received' });
  t.same(res.json().allowedActions.sort(), ['accept', 'add-note', 'decline']);
  const unknown = await call(people.staff, 'POST', `/api/cases/${id}/teleport`);
  t.equal(unknown.statusCode, 404);
});

t.test('case actions › If-Match: a stale revision is 412 and writes nothing', async (t) => {
  const { call, openCase, store } = await testApp(t);
  const { id } = await openCase([['add-note', { text: 'one' }]]);
  const head = await store.headPosition();
  const stale = await call(people.staff, 'POST', `/api/cases/${id}/accept`, {}, { 'if-match': '"0"' });
  t.equal(stale.statusCode, 412);
  t.match(stale.json(), { code: 'HTTP.PRECONDITION_FAILED', currentRevision: 1 });
  t.equal(await store.headPosition(), head);
  const fresh = await call(people.staff, 'POST', `/api/cases/${id}/accept`, {}, { 'if-match': '"1"' });
  t.equal(fresh.statusCode, 200);
  const bad = await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'x' }, { 'if-match': 'yesterday' });
  t.equal(bad.statusCode, 400);
  t.match(bad.json().errors, [{ in: 'header', path: 'if-match' }]);
});

t.test('case actions › two writers with the same If-Match: one 200, one 412', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase();
  const both = await Promise.all([
    call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'first' }, { 'if-match': '"0"' }),
    call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'second' }, { 'if-match': '"0"' }),
  ]);
  t.same(both.map((r) => r.statusCode).sort(), [200, 412]);
});

t.test('case actions › 20 concurrent actions without If-Match: no lost update', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase();
  const all = await Promise.all(
    Array.from({ length: 20 }, (_, i) => call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: `note ${i}` })),
  );
  t.same(all.map((r) => r.statusCode), Array(20).fill(200));
  t.same(all.map((r) => r.json().revision).sort((a: number, b: number) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
  const view = (await call(people.staff, 'GET', `/api/cases/${id}`)).json();
  t.equal(view.notes.length, 20);
});

t.test('idempotency › a retried create or action returns the first response and writes nothing', async (t) => {
  const { call, store } = await testApp(t);
  const key = { 'idempotency-key': 'form-2026-06-13-017' };
  const first = await call(people.staff, 'POST', '/api/cases', culvert, key);
  const head = await store.headPosition();
  const again = await call(people.staff, 'POST', '/api/cases', culvert, key);
  t.equal(again.statusCode, 201);
  t.equal(again.json().id, first.json().id);
  t.equal(again.headers['idempotent-replayed'], 'true');
  t.equal(await store.headPosition(), head, 'nothing written');
  const id = first.json().id;
  const noteKey = { 'idempotency-key': 'note-1' };
  const note = await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'called back' }, noteKey);
  await call(people.staff, 'POST', `/api/cases/${id}/accept`);
  const retried = await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'called back' }, noteKey);
  t.equal(retried.statusCode, 200);
  t.same({ ...retried.json() }, { ...note.json() }, 'the case as the first response showed it, not as it is now');
  const reused = await call(people.staff, 'POST', `/api/cases/${id}/decline`, { reason: 'x' }, noteKey);
  t.equal(reused.statusCode, 422);
  t.equal(reused.json().code, 'HTTP.IDEMPOTENCY_KEY_REUSED');
});

t.test('limits › a body over 64 KiB is 413; a closed store is 503 with Retry-After and no internals', async (t) => {
  const { call, store, openCase } = await testApp(t);
  const { id } = await openCase();
  const big = await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'x'.repeat(70 * 1024) });
  t.equal(big.statusCode, 413);
  t.equal(big.headers['content-type'], problem);
  await store.close();
  const down = await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'x' });
  t.equal(down.statusCode, 503);
  t.equal(down.headers['retry-after'], '1');
  t.notMatch(down.body, /at .*\.ts|node_modules|stack/);
});

t.test('GET /api/workflows/case › the flow chart as data', async (t) => {
  const { app } = await testApp(t, { seed: false });
  const chart = (await app.inject('/api/workflows/case')).json();
  const received = chart.states.find((s: { id: string }) => s.id === 'received');
  t.match(received.transitions, [{ action: String, event: String, target: String }]);
  t.ok(received.transitions.some((x: { action: string; target: string }) => x.action === 'assign' && x.target === 'assigned'));
  t.same(chart.states.filter((s: { final: boolean }) => s.final).map((s: { id: string }) => s.id), ['withdrawn', 'merged']);
});

t.test('GET /docs/json › OpenAPI 3.1 with every case action', async (t) => {
  const { app } = await testApp(t, { seed: false });
  const doc = (await app.inject('/docs/json')).json();
  t.equal(doc.openapi, '3.1.0');
  t.ok(doc.paths['/api/cases'].post.requestBody);
  t.ok(doc.paths['/api/cases/{id}/record-follow-up'].post);
  t.equal((await app.inject('/healthz')).statusCode, 200);
  t.equal((await app.inject('/readyz')).statusCode, 200);
});
