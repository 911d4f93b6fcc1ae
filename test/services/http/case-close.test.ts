import t from 'tap';
import { bodies, people, testApp, toAnswered } from '../../support/test-app.js';

const poorlyFollowedUp: Array<[string, unknown?]> = [...toAnswered, ['record-follow-up', bodies.poorFollowUp]];

t.test('closing › staff cannot close a case whose follow-up says not resolved: 409, nothing written', async (t) => {
  const { call, openCase, store } = await testApp(t);
  const { id } = await openCase(poorlyFollowedUp);
  const head = await store.headPosition();
  const res = await call(people.staff, 'POST', `/api/cases/${id}/close`, { summary: 'Done as far as we can' });
  t.equal(res.statusCode, 409);
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.match(res.json(), { code: 'CASE.FOLLOW_UP_UNRESOLVED', followUp: { resolved: false, satisfaction: 'unsatisfied' } });
  t.equal(await store.headPosition(), head);
  const unsatisfied = await openCase([...toAnswered, ['record-follow-up', { resolved: true, satisfaction: 'unsatisfied' }]]);
  const alsoRefused = await call(people.staff, 'POST', `/api/cases/${unsatisfied.id}/close`);
  t.equal(alsoRefused.json().code, 'CASE.FOLLOW_UP_UNRESOLVED', 'resolved but unsatisfied is poor too');
});

t.test('closing › the way on is to reopen it, with a new reply deadline', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase(poorlyFollowedUp);
  const before = (await call(people.supervisor, 'GET', `/api/cases/${id}`)).json();
  const reopened = await call(people.supervisor, 'POST', `/api/cases/${id}/reopen`, { reason: 'Floods again' });
  t.equal(reopened.statusCode, 200);
  const view = reopened.json();
  t.equal(view.status, 'in-progress');
  t.equal(Date.parse(view.replyDueBy), Date.parse(view.reopenings[0].at) + 86_400_000, 'urgent: due a day after the reopening');
  t.ok(view.replyDueBy > before.replyDueBy, 'a later deadline than the first round’s');
  t.equal(view.reopenings[0].replyDueBy, view.replyDueBy);
  t.equal(view.followUp, null, 'the old round’s follow-up no longer stands');
});

t.test('closing › a supervisor closes it with a reason, which the history keeps; without one it is a 400', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase(poorlyFollowedUp);
  const bare = await call(people.supervisor, 'POST', `/api/cases/${id}/close`, {});
  t.equal(bare.statusCode, 400);
  t.match(bare.json().errors, [{ in: 'body', path: 'reason' }]);
  const reason = 'The county has no budget for a new culvert this year; the citizen was told why';
  const closed = await call(people.supervisor, 'POST', `/api/cases/${id}/close`, { reason });
  t.equal(closed.statusCode, 200);
  t.match(closed.json(), { status: 'closed', closed: { overrideReason: reason, by: { id: 'sup-shuicheng', role: 'supervisor' } } });
  const history = (await call(people.auditor, 'GET', `/api/cases/${id}/history`)).json();
  t.match(history.events.at(-1), { type: 'CaseClosed', data: { overrideReason: reason }, metadata: { actor: { role: 'supervisor' } } });
});

t.test('closing › a reason is only for a poor follow-up; a good one closes as before', async (t) => {
  const { call, openCase } = await testApp(t);
  const good = await openCase([...toAnswered, ['record-follow-up', bodies.goodFollowUp]]);
  const withReason = await call(people.supervisor, 'POST', `/api/cases/${good.id}/close`, { reason: 'Because' });
  t.equal(withReason.statusCode, 400);
  t.match(withReason.json().errors, [{ in: 'body', path: 'reason' }]);
  const closed = await call(people.staff, 'POST', `/api/cases/${good.id}/close`, { summary: 'Road dry since' });
  t.equal(closed.statusCode, 200);
  t.equal(closed.json().status, 'closed');
  const unasked = await openCase(toAnswered);
  t.equal((await call(people.staff, 'POST', `/api/cases/${unasked.id}/close`)).statusCode, 200, 'closing an answered case without a follow-up');
});
