import t from 'tap';
import { caseActions, receiveBody } from '../../../contracts/case/commands.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { systemPrincipal } from '../../../contracts/identity.js';
import { bodies, culvert, testApp } from '../../support/test-app.js';

// The scheduler to come acts as Huiyin itself, through the service, not HTTP:
// it escalates overdue matters and notes why, and does nothing else.
const scheduler = systemPrincipal('scheduler');
const request = (key?: string) => ({ now: new Date().toISOString(), ...(key ? { idempotencyKey: key } : {}) });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof HuiyinError ? error.code : String(error)),
  );

t.test('system actor › escalates and notes any case, with its own name in the history', async (t) => {
  const { app, openCase, call } = await testApp(t);
  const { id } = await openCase();
  // The scheduler derives both key and body from the deadline, so a retry sends the same request.
  const escalation = bodies.escalate();
  const escalated = await app.cases.act(scheduler, id, 'escalate', escalation, request('overdue:reply'));
  t.match(escalated.view, { escalated: true, escalations: [{ by: { id: 'system:scheduler', role: 'system', name: 'scheduler' } }] });
  t.same(escalated.view.allowedActions.sort(), ['add-note', 'escalate'], 'the view lists the system’s rights, as the engine used them');
  const noted = await app.cases.act(scheduler, id, 'add-note', { text: 'The reply is overdue' }, request());
  t.equal(noted.view.notes.length, 1);
  const again = await app.cases.act(scheduler, id, 'escalate', escalation, request('overdue:reply'));
  t.ok(again.replayed, 'a scheduler retrying after a restart escalates once');
  const other = codeOf(app.cases.act(scheduler, id, 'escalate', { ...escalation, reason: 'Another matter' }, request('overdue:reply')));
  t.equal(await other, 'IDEMPOTENCY.KEY_REUSED', 'the same key with another body is refused, not answered with the first');
  const history = (await call({ sub: 'aud-1', role: 'auditor' }, 'GET', `/api/cases/${id}/history`)).json();
  t.same(history.events.map((e: { type: string }) => e.type), ['CaseReceived', 'CaseEscalated', 'NoteAdded']);
});

t.test('system actor › may take no other action, and never opens a case', async (t) => {
  const { app, openCase, store } = await testApp(t);
  const { id } = await openCase();
  const head = await store.headPosition();
  for (const action of caseActions.filter((a) => a !== 'escalate' && a !== 'add-note')) {
    t.equal(await codeOf(app.cases.act(scheduler, id, action, {}, request())), 'AUTH.FORBIDDEN', action);
  }
  t.equal(await codeOf(app.cases.receive(scheduler, receiveBody.parse(culvert), request())), 'AUTH.FORBIDDEN');
  t.equal(await store.headPosition(), head, 'nothing written');
});

t.test('system actor › v2 refuses to escalate a closed case', async (t) => {
  const { app, openCase } = await testApp(t);
  const { id } = await openCase([['assign', bodies.assign], ['acknowledge'], ['resolve', bodies.resolve], ['give-feedback', bodies.feedback], ['close']]);
  t.equal(await codeOf(app.cases.act(scheduler, id, 'escalate', bodies.escalate(), request())), 'CASE.ILLEGAL_TRANSITION');
});

t.test('the citizen › opens a case only as an online message, anywhere; sees no case by id', async (t) => {
  const { citizenPrincipal } = await import('../../../contracts/identity.js');
  const { caseRights, mayReceiveAt } = await import('../../../workflows/case/permissions.js');
  const station = { id: 'st-baichehe', areaCode: '520221104' };
  t.equal(mayReceiveAt(citizenPrincipal, station, 'online-message'), true);
  for (const channel of ['reception-day', 'home-visit', 'appointment', 'hotline', undefined]) {
    t.equal(mayReceiveAt(citizenPrincipal, station, channel), false, `not by ${channel ?? 'no channel'}`);
  }
  t.same(caseRights(citizenPrincipal, { stationId: station.id, areaCode: station.areaCode, deputyIds: [] }), { see: false, actions: new Set() });
});
