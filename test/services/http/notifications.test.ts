import t, { type Test } from 'tap';
import { ManualClock } from '../../support/manual-clock.js';
import { culvert, people, testApp, type TestApp } from '../../support/test-app.js';

const HOUR = 3_600_000;

/** The app with its scheduler on a hand-moved clock, and a way to move it and read what followed. */
async function withScheduler(t: Test) {
  const clock = new ManualClock(new Date().toISOString());
  const setup = await testApp(t, { scheduler: { clock } });
  const moveBy = async (ms: number) => {
    await setup.app.readModels.runner('deadlines')!.waitFor(await setup.store.headPosition());
    await setup.app.scheduler.idle();
    clock.moveTo(new Date(clock.now() + ms).toISOString());
    setup.app.scheduler.poke();
    await setup.app.scheduler.idle();
  };
  return { ...setup, clock, moveBy };
}

async function inbox(setup: TestApp, who: (typeof people)[keyof typeof people], query = '') {
  const head = await setup.store.headPosition();
  const res = await setup.call(who, 'GET', `/api/me/notifications?minPosition=${head}${query}`);
  t.equal(res.statusCode, 200, res.body);
  return res.json() as { items: Array<{ id: string; kind: string; caseId: string; deadline: string | null; read: boolean; trackingCode: string }>; unreadCount: number; nextCursor: string | null };
}

t.test('notifications › a deadline nearing and passing tells the station’s staff, escalation its supervisors, assignment the deputy', async (t) => {
  const setup = await withScheduler(t);
  const created = await setup.call(people.staff, 'POST', '/api/cases', { ...culvert, urgency: 'emergency' });
  t.equal(created.statusCode, 201);
  const { id, trackingCode } = created.json();
  await setup.moveBy(1.6 * HOUR);
  await setup.moveBy(1.4 * HOUR);
  const staffInbox = await inbox(setup, people.staff);
  t.same(staffInbox.items.map((n) => `${n.kind} ${n.deadline}`), ['overdue reply', 'reminder reply'], 'newest first: nobody is assigned, so the station’s staff are told');
  t.match(staffInbox.items[0], { caseId: id, trackingCode, read: false });
  t.equal(staffInbox.unreadCount, 2);
  t.same((await inbox(setup, people.otherStaff)).items, [], 'another station’s staff hear nothing of it');

  await setup.call(people.admin, 'POST', `/api/cases/${id}/assign`, { deputyIds: ['dep-li'] });
  t.same((await inbox(setup, people.deputyLi)).items.map((n) => n.kind), ['assigned']);

  await setup.moveBy(10 * 24 * HOUR);
  const supervisor = await inbox(setup, people.supervisor);
  t.same(supervisor.items.map((n) => `${n.kind} ${n.deadline}`), ['escalated feedback', 'escalated reply'], 'both deadlines escalated to the county’s supervisor');
  t.same((await inbox(setup, people.otherSupervisor)).items, [], 'not to another county’s');
  const deputy = await inbox(setup, people.deputyLi);
  t.same(deputy.items.map((n) => `${n.kind} ${n.deadline}`), ['overdue feedback', 'assigned null'], 'once assigned, the deputy is told, not the staff; a reminder due only after its deadline is the overdue mark');
});

t.test('notifications › unread first; marking some or all read is recorded and shown', async (t) => {
  const setup = await withScheduler(t);
  for (let i = 0; i < 3; i++) {
    const { id } = (await setup.call(people.staff, 'POST', '/api/cases', culvert)).json();
    await setup.call(people.admin, 'POST', `/api/cases/${id}/assign`, { deputyIds: ['dep-li'] });
  }
  const before = await inbox(setup, people.deputyLi);
  t.equal(before.unreadCount, 3);
  const oldest = before.items[2]!;
  const marked = await setup.call(people.deputyLi, 'POST', '/api/me/notifications/read', { ids: [oldest.id] });
  t.equal(marked.statusCode, 200, marked.body);
  const after = await inbox(setup, people.deputyLi, `&limit=2`);
  t.same(after.items.map((n) => n.read), [false, false], 'the unread ones come first');
  t.equal(after.unreadCount, 2);
  const rest = await setup.call(people.deputyLi, 'GET', `/api/me/notifications?cursor=${after.nextCursor}`);
  t.same(rest.json().items.map((n: { id: string; read: boolean }) => [n.id, n.read]), [[oldest.id, true]], 'then the read one, on the next page');
  t.same((await inbox(setup, people.deputyLi, '&unread=true')).items.length, 2);
  await setup.call(people.deputyLi, 'POST', '/api/me/notifications/read', { all: true });
  t.equal((await inbox(setup, people.deputyLi)).unreadCount, 0);
  const history = await setup.store.readStream('inbox-dep-li');
  t.same(history.map((e) => e.type), ['NotificationsRead', 'NotificationsRead'], 'each mark is an event in the person’s inbox stream');
});

t.test('notifications › a bad request names every bad field and changes nothing', async (t) => {
  const setup = await withScheduler(t);
  const res = await setup.call(people.deputyLi, 'POST', '/api/me/notifications/read', { ids: ['x'], all: false });
  t.equal(res.statusCode, 400);
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  const bad = await setup.call(people.deputyLi, 'GET', '/api/me/notifications?limit=0&unread=maybe&cursor=zzz');
  t.equal(bad.statusCode, 400);
  t.match(JSON.stringify(bad.json()), /limit/);
  t.match(JSON.stringify(bad.json()), /unread/);
  await t.rejects(setup.store.readStream('inbox-dep-li'), 'no inbox stream was written');
});
