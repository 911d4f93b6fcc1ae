import t from 'tap';
import { bodies, culvert, people, testApp, type Who } from '../../support/test-app.js';

t.test('case actions › the culvert case, from receipt to closure', async (t) => {
  const { call } = await testApp(t);
  const created = (await call(people.staff, 'POST', '/api/cases', culvert)).json();
  const steps: Array<[Who, string, unknown, string]> = [
    [people.supervisor, 'assign', { deputyIds: ['dep-li', 'dep-wen'] }, 'assigned'],
    [people.deputyLi, 'acknowledge', undefined, 'acknowledged'],
    [people.deputyLi, 'schedule-site-check', bodies.scheduleSiteCheck(), 'site-check'],
    [people.deputyLi, 'complete-site-check', bodies.completeSiteCheck, 'in-progress'],
    [people.deputyLi, 'resolve', bodies.resolve, 'resolved'],
    [people.deputyWen, 'give-feedback', bodies.feedback, 'answered'],
    [people.staff, 'record-follow-up', bodies.goodFollowUp, 'followed-up'],
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
    metadata: {
      actor: { id: 'dep-li', role: 'deputy' },
      commandId: String,
      workflow: { name: 'case', version: 2 },
      hash: /^[0-9a-f]{64}$/,
      prevHash: history.events[1].metadata.hash,
    },
    recordedAt: String,
  });
  t.same(history.events[4].data.participants, bodies.completeSiteCheck.participants, 'the site check names everyone who went');
});

t.test('case actions › a move the workflow does not allow is 409 with the caller’s allowed actions', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase();
  const res = await call(people.staff, 'POST', `/api/cases/${id}/close`);
  t.equal(res.statusCode, 409);
  t.match(res.json(), { code: 'CASE.ILLEGAL_TRANSITION', caseStatus: 'received' });
  t.same(res.json().allowedActions.sort(), ['accept', 'add-note', 'assign', 'decline']);
  const unknown = await call(people.staff, 'POST', `/api/cases/${id}/teleport`);
  t.equal(unknown.statusCode, 404);
  t.ok(unknown.json().known.includes('escalate'), 'the 404 lists the actions there are');
});

t.test('case actions › v2 rules on data: a site check long past, a nameless one, an escalation due in the past', async (t) => {
  const { call, openCase, store } = await testApp(t);
  const { id } = await openCase([['assign', bodies.assign], ['acknowledge']]);
  const head = await store.headPosition();
  const stale = await call(people.deputyLi, 'POST', `/api/cases/${id}/schedule-site-check`, { at: new Date(Date.now() - 2 * 86_400_000).toISOString() });
  t.equal(stale.statusCode, 400);
  t.match(stale.json().errors, [{ in: 'body', path: 'at' }]);
  const overdue = await call(people.supervisor, 'POST', `/api/cases/${id}/escalate`, { ...bodies.escalate(), dueBy: '2020-01-01T00:00:00Z' });
  t.match(overdue.json().errors, [{ in: 'body', path: 'dueBy' }]);
  t.equal(await store.headPosition(), head);
  await call(people.deputyLi, 'POST', `/api/cases/${id}/schedule-site-check`, bodies.scheduleSiteCheck());
  const nobody = await call(people.deputyLi, 'POST', `/api/cases/${id}/complete-site-check`, { findings: 'x', participants: {} });
  t.equal(nobody.statusCode, 400);
  t.match(nobody.json().errors, [{ in: 'body', path: 'participants' }]);
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
  t.equal(fresh.headers.etag, '"2"');
  const weak = await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'weak' }, { 'if-match': 'W/"2"' });
  t.equal(weak.statusCode, 200, 'a weak tag pins the revision too');
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
