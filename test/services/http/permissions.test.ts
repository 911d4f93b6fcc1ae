import t from 'tap';
import { bodies, culvert, people, testApp, type Who } from '../../support/test-app.js';

// Who may do what, as the service's rules state it — written out here on its
// own so the policy is checked against the rule, not against itself.
const staffMay = new Set(['accept', 'assign', 'reassign', 'decline', 'give-feedback', 'record-follow-up', 'close', 'add-note']);
const assignedDeputyMay = new Set([
  'acknowledge', 'schedule-site-check', 'complete-site-check', 'refer', 'record-agency-reply',
  'note-progress', 'resolve', 'give-feedback', 'add-note',
]);

type Steps = Array<[string, unknown?]>;
const assigned: Steps = [['assign', { deputyIds: ['dep-li'] }]];
const acknowledged: Steps = [...assigned, ['acknowledge']];
const resolved: Steps = [...acknowledged, ['resolve', bodies.resolve]];
const answered: Steps = [...resolved, ['give-feedback', bodies.feedback]];

/** Each action, tried on a case in a status where the workflow allows it. */
const trials: Array<{ action: string; before: Steps; data: unknown }> = [
  { action: 'accept', before: [], data: {} },
  { action: 'assign', before: [], data: { deputyIds: ['dep-wen'] } },
  { action: 'decline', before: [], data: { reason: 'Not for a deputy' } },
  { action: 'withdraw', before: [], data: {} },
  { action: 'merge', before: [], data: 'MERGE' },
  { action: 'add-note', before: [], data: { text: 'Called back' } },
  { action: 'escalate', before: [], data: bodies.escalate() },
  { action: 'reassign', before: assigned, data: { deputyIds: ['dep-wen'] } },
  { action: 'acknowledge', before: assigned, data: {} },
  { action: 'schedule-site-check', before: acknowledged, data: bodies.scheduleSiteCheck() },
  { action: 'complete-site-check', before: [...acknowledged, ['schedule-site-check', bodies.scheduleSiteCheck()]], data: bodies.completeSiteCheck },
  { action: 'refer', before: acknowledged, data: { agency: 'Roads office' } },
  { action: 'record-agency-reply', before: [...acknowledged, ['refer', { agency: 'Roads office' }]], data: { agency: 'Roads office', reply: 'OK' } },
  { action: 'note-progress', before: acknowledged, data: { text: 'Called the office' } },
  { action: 'resolve', before: acknowledged, data: bodies.resolve },
  { action: 'give-feedback', before: resolved, data: bodies.feedback },
  { action: 'reopen', before: resolved, data: { reason: 'Flooded again' } },
  { action: 'record-follow-up', before: answered, data: bodies.goodFollowUp },
  { action: 'close', before: answered, data: {} },
];

function expected(who: Who, action: string, assignedToLi: boolean): number {
  switch (who.sub) {
    case people.admin.sub:
    case people.supervisor.sub:
      return 200;
    case people.staff.sub:
      return staffMay.has(action) ? 200 : 403;
    case people.deputyLi.sub:
      return assignedDeputyMay.has(action) && assignedToLi ? 200 : 403;
    case people.deputyWen.sub:
    case people.auditor.sub:
      return 403;
    default:
      return 404; // another station's staff or deputy, another area's supervisor
  }
}

t.test('permissions › every role against every case action', async (t) => {
  const { call, openCase, store } = await testApp(t);
  const { id: target } = await openCase();
  const everyone = Object.values(people) as Who[];
  for (const trial of trials) {
    for (const who of everyone) {
      const { id } = await openCase(trial.before);
      const data = trial.data === 'MERGE' ? { intoCaseId: target } : trial.data;
      const head = await store.headPosition();
      const res = await call(who, 'POST', `/api/cases/${id}/${trial.action}`, data);
      const want = expected(who, trial.action, trial.before.length > 0);
      t.equal(res.statusCode, want, `${who.sub} ${trial.action} → ${want}`);
      if (want === 200) t.notOk(res.json().allowedActions.includes('receive'), 'never offers receive on an existing case');
      else t.equal(await store.headPosition(), head, 'a refusal writes nothing');
    }
  }
});

t.test('permissions › who may open a case at Baichehe', async (t) => {
  const { call } = await testApp(t);
  const want: Record<string, number> = {
    [people.admin.sub]: 201, [people.supervisor.sub]: 201, [people.staff.sub]: 201, [people.deputyLi.sub]: 201,
    [people.deputyWen.sub]: 201, [people.otherStaff.sub]: 403, [people.deputyYue.sub]: 403,
    [people.otherSupervisor.sub]: 403, [people.auditor.sub]: 403,
  };
  for (const who of Object.values(people) as Who[]) {
    const res = await call(who, 'POST', '/api/cases', culvert);
    t.equal(res.statusCode, want[who.sub], `${who.sub} → ${want[who.sub]}`);
  }
});

t.test('permissions › allowedActions lists only what the caller may do now', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase(acknowledged);
  const actionsOf = async (who: Who) => (await call(who, 'GET', `/api/cases/${id}`)).json().allowedActions.sort();
  t.same(await actionsOf(people.deputyLi), ['add-note', 'note-progress', 'refer', 'resolve', 'schedule-site-check']);
  t.same(await actionsOf(people.staff), ['add-note', 'reassign']);
  t.same(await actionsOf(people.auditor), []);
  t.same(await actionsOf(people.supervisor), [
    'add-note', 'escalate', 'merge', 'note-progress', 'reassign', 'refer', 'resolve', 'schedule-site-check', 'withdraw',
  ]);
});
