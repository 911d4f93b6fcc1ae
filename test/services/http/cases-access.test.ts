import t from 'tap';
import { culvert, people, testApp } from '../../support/test-app.js';

t.test('auth › no token or a bad one is 401; the wrong station is 403', async (t) => {
  const { app, call, store } = await testApp(t);
  const head = await store.headPosition();
  const none = await app.inject({ method: 'POST', url: '/api/cases', payload: culvert });
  t.equal(none.statusCode, 401);
  t.equal(none.json().code, 'AUTH.UNAUTHENTICATED');
  const forged = await app.inject({ method: 'GET', url: '/api/cases/x', headers: { authorization: 'Bearer abc.def.ghi' } });
  t.equal(forged.statusCode, 401);
  const elsewhere = await call(people.otherStaff, 'POST', '/api/cases', culvert);
  t.equal(elsewhere.statusCode, 403);
  t.equal(elsewhere.json().code, 'AUTH.FORBIDDEN');
  const auditor = await call(people.auditor, 'POST', '/api/cases', culvert);
  t.equal(auditor.statusCode, 403);
  t.equal(await store.headPosition(), head, 'nothing was written');
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
  const hidden = await call(people.otherStaff, 'GET', `/api/cases/${id}`);
  t.same(Object.keys(missing.json()).sort(), Object.keys(hidden.json()).sort(), 'the same problem either way');
  const history = await call(people.otherStaff, 'GET', `/api/cases/${id}/history`);
  t.equal(history.statusCode, 404, 'the history hides it too');
});

t.test('GET /api/cases/:id › an assigned deputy reads the case, with what they may do and no command position', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase([['assign', { deputyIds: ['dep-li'] }]]);
  const view = (await call(people.deputyLi, 'GET', `/api/cases/${id}`)).json();
  t.match(view, { id, deputyIds: ['dep-li'], status: 'assigned' });
  t.same(view.allowedActions.sort(), ['acknowledge', 'add-note']);
  t.notOk('position' in view, 'a read carries no command position');
  t.notOk('snapshot' in view || 'context' in view, 'no engine internals leak');
});
