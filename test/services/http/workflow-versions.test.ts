import t from 'tap';
import { bodies, culvert, people, testApp, toAnswered } from '../../support/test-app.js';

interface Chart {
  version: number;
  states: Array<{ id: string; final: boolean; transitions: Array<{ action: string; event: string; target: string }> }>;
}
const actionsIn = (chart: Chart, state: string) => chart.states.find((s) => s.id === state)!.transitions.map((x) => x.action).sort();

t.test('GET /api/workflows/case › each version as data, differing where their tables differ', async (t) => {
  const { app } = await testApp(t, { seed: false });
  const latest: Chart = (await app.inject('/api/workflows/case')).json();
  const v1: Chart = (await app.inject('/api/workflows/case?version=1')).json();
  const v2: Chart = (await app.inject('/api/workflows/case?version=2')).json();
  t.equal(latest.version, 2, 'new cases take v2');
  t.same(latest, v2);
  t.equal(v1.version, 1);
  const received = v2.states.find((s) => s.id === 'received')!;
  t.match(received.transitions, [{ action: String, event: String, target: String }]);
  t.ok(received.transitions.some((x) => x.action === 'assign' && x.target === 'assigned'));
  t.ok(actionsIn(v1, 'closed').includes('escalate'), 'v1 escalates a closed case');
  t.notOk(actionsIn(v2, 'closed').includes('escalate'), 'v2 refuses it');
  t.notOk(actionsIn(v1, 'site-check').includes('reassign'));
  t.ok(actionsIn(v2, 'site-check').includes('reassign'), 'v2 reassigns a case awaiting its site check');
  for (const chart of [v1, v2]) {
    t.same(chart.states.filter((s) => s.final).map((s) => s.id), ['withdrawn', 'merged'], `v${chart.version} ends in withdrawn and merged`);
    const listed = chart.states.flatMap((s) => s.transitions.map((x) => x.action));
    t.notOk(listed.some((a) => ['attach', 'detach', 'relay-feedback'].includes(a)), 'the service’s own steps are not offered');
  }
});

t.test('GET /api/workflows/case › declares each deadline: what sets and answers it, the statuses it can be pending in, what fires', async (t) => {
  const { app } = await testApp(t, { seed: false });
  const chart = (await app.inject('/api/workflows/case')).json();
  t.same(chart.deadlines.map((d: { kind: string }) => d.kind), ['reply', 'feedback', 'escalation']);
  const reply = chart.deadlines[0];
  t.match(reply, {
    setBy: ['CaseReceived', 'CaseReopened'],
    answeredBy: ['CaseAcknowledged', 'FeedbackGiven', 'FeedbackRelayed'],
    endedBy: ['CaseClosed', 'CaseWithdrawn', 'CaseMerged'],
    fires: [{ action: 'remind', event: 'ReminderSent' }, { action: 'overdue', event: 'CaseWentOverdue' }, { action: 'escalate', event: 'CaseEscalated' }],
  });
  t.same(reply.watches, ['received', 'accepted', 'assigned', 'site-check', 'in-progress', 'resolved', 'declined'], 'before an answer, and not once a deputy acknowledged it');
  t.same(chart.deadlines[2].watches.slice(-2), ['answered', 'followed-up'], 'a 督办’s due date also after an answer, until closing');
  const listed = chart.states.flatMap((s: Chart['states'][number]) => s.transitions.map((x) => x.action));
  t.notOk(listed.some((a: string) => ['remind', 'mark-overdue', 'escalate-overdue'].includes(a)), 'the scheduler’s firings are no one’s action');
});

t.test('GET /api/workflows/case › an unknown version is a 404 problem naming the versions there are', async (t) => {
  const { app } = await testApp(t, { seed: false });
  const res = await app.inject('/api/workflows/case?version=3');
  t.equal(res.statusCode, 404);
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.match(res.json(), { code: 'HTTP.NOT_FOUND', known: ['1', '2'] });
  t.equal((await app.inject('/api/workflows/case?version=two')).statusCode, 400);
});

t.test('workflow versions › a case opened under v1 finishes under v1 after the default moves to v2', async (t) => {
  const first = await testApp(t, { caseWorkflowVersion: 1 });
  const { id } = await first.openCase([...toAnswered, ['record-follow-up', bodies.poorFollowUp]]);
  t.equal((await first.call(people.staff, 'GET', `/api/cases/${id}`)).json().workflowVersion, 1);
  await first.close();

  const second = await testApp(t, { store: first.store, seed: false });
  const call = second.call;
  t.equal((await call(people.staff, 'GET', `/api/cases/${id}`)).json().workflowVersion, 1, 'the case keeps its version');
  const closed = await call(people.staff, 'POST', `/api/cases/${id}/close`);
  t.equal(closed.statusCode, 200, 'v1: staff close a case whatever its follow-up said');
  t.match(closed.json(), { status: 'closed', workflowVersion: 1 });
  const escalated = await call(people.supervisor, 'POST', `/api/cases/${id}/escalate`, bodies.escalate());
  t.equal(escalated.statusCode, 200, 'v1: a closed case may still be escalated');
  const history = (await call(people.auditor, 'GET', `/api/cases/${id}/history`)).json();
  t.ok(history.events.every((e: { metadata: { workflow: { version: number } } }) => e.metadata.workflow.version === 1), 'every event says v1');

  const fresh = await second.openCase([...toAnswered, ['record-follow-up', bodies.poorFollowUp]]);
  t.equal((await call(people.staff, 'GET', `/api/cases/${fresh.id}`)).json().workflowVersion, 2, 'a new case takes v2');
  const refused = await call(people.staff, 'POST', `/api/cases/${fresh.id}/close`);
  t.equal(refused.statusCode, 409, 'v2: not after a poor follow-up');
  t.equal(refused.json().code, 'CASE.FOLLOW_UP_UNRESOLVED');
});

t.test('workflow versions › v1 counted the reply deadline from the entry, v2 from the visit', async (t) => {
  const v1 = await testApp(t, { caseWorkflowVersion: 1 });
  const v2 = await testApp(t);
  const receivedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
  const form = { ...culvert, receivedAt };
  const [old, now] = await Promise.all([v1, v2].map(async (app) => (await app.call(people.staff, 'POST', '/api/cases', form)).json()));
  const day = 86_400_000;
  t.equal(Date.parse(old.replyDueBy), Date.parse(old.recordedAt) + day, 'v1: a day after it was entered');
  t.equal(Date.parse(now.replyDueBy), Date.parse(receivedAt) + day, 'v2: a day after the visit');
});
