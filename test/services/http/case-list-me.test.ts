import t from 'tap';
import { seedDemo } from '../../../services/demo/seed.js';
import { culvert, inDays, people, testApp, type TestApp, type Who } from '../../support/test-app.js';

const mine = async (app: TestApp, who: Who, query = '') => {
  const res = await app.call(who, 'GET', `/api/me/cases?minPosition=${await app.store.headPosition()}${query}`);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as { items: Array<{ id: string; urgency: string }>; nextCursor: string | null };
};
const ids = async (app: TestApp, who: Who) => (await mine(app, who)).items.map((i) => i.id);

t.test('GET /api/me/cases › each caller’s own open work, most urgent first, then oldest', async (t) => {
  const app = await testApp(t);
  const open = async (form: object, actions: Array<[string, unknown?]> = []) => {
    const res = await app.call(people.admin, 'POST', '/api/cases', { ...culvert, ...form });
    if (res.statusCode !== 201) throw new Error(res.body);
    const id = res.json().id as string;
    for (const [action, data] of actions) {
      const done = await app.call(people.admin, 'POST', `/api/cases/${id}/${action}`, data ?? {});
      if (done.statusCode !== 200) throw new Error(done.body);
    }
    return id;
  };
  const older = await open({ receivedAt: inDays(-0.5) });
  const newer = await open({ receivedAt: inDays(-0.25) });
  const emergency = await open({ urgency: 'emergency', receivedAt: inDays(-0.05) });
  const complex = await open({ urgency: 'complex', receivedAt: inDays(-2) });
  const answered = await open({}, [['assign', { deputyIds: ['dep-wen'] }], ['acknowledge'], ['resolve', { outcome: 'done', summary: 'Done' }], ['give-feedback', { method: 'phone', summary: 'Told him' }]]);
  const wens = await open({ stationId: 'st-panlong' }, [['assign', { deputyIds: ['dep-wen'] }]]);
  const overdue = await open({ stationId: 'st-panlong', receivedAt: inDays(-3) });
  const escalated = await open({ stationId: 'st-panlong' }, [['escalate', { to: 'County office', reason: 'Slow', dueBy: inDays(3) }]]);
  // Past 7 working days whatever holidays the month held.
  const elsewhere = await open({ stationId: 'st-hecheng', receivedAt: inDays(-25) });

  t.same(await ids(app, people.staff), [emergency, older, newer, complex],
    'staff: their station’s open cases; emergency before urgent before complex, the older first within one urgency');
  t.notOk((await ids(app, people.staff)).includes(answered), 'answered cases are no longer open work');
  t.same(await ids(app, people.deputyWen), [wens], 'a deputy: open cases assigned to them, not every case of their station');
  t.same(await ids(app, people.supervisor), [overdue, escalated], 'a supervisor: what in their area is overdue or escalated');
  t.same(await ids(app, people.otherSupervisor), [elsewhere], 'another district’s supervisor: their own overdue case only');
  t.same(await ids(app, people.auditor), [], 'an auditor works no cases');

  const first = await mine(app, people.staff, '&limit=2');
  t.same(first.items.map((i) => i.id), [emergency, older]);
  const second = await mine(app, people.staff, `&limit=2&cursor=${first.nextCursor}`);
  t.same(second.items.map((i) => i.id), [newer, complex], 'the next page goes on where the first stopped');
  t.equal(second.nextCursor, null);
  const listCursor = (await app.call(people.staff, 'GET', '/api/cases?limit=1')).json().nextCursor;
  const wrong = await app.call(people.staff, 'GET', `/api/me/cases?cursor=${listCursor}`);
  t.match(wrong.json(), { status: 400, errors: [{ path: 'cursor' }] }, 'a cursor of another list is refused');
  const bad = await app.call(people.staff, 'GET', '/api/me/cases?limit=0&sort=received');
  t.match(bad.json(), { status: 400, errors: [{ path: 'limit' }, { path: 'sort' }] });
});

t.test('GET /api/cases › the demo’s culvert is found by 涵洞, and its overdue bridge railing is flagged', async (t) => {
  const app = await testApp(t, { seed: false });
  await seedDemo(app.app.directory, app.app.cases);
  const get = async (query: string) => {
    const res = await app.call(people.admin, 'GET', `/api/cases?minPosition=${await app.store.headPosition()}&${query}`);
    t.equal(res.statusCode, 200, query);
    return res.json().items as Array<{ summary: string; urgency: string; overdue: boolean }>;
  };
  const culverts = await get(`q=${encodeURIComponent('涵洞')}`);
  t.ok(culverts.some((c) => c.summary.startsWith('通村公路旁涵洞堵塞')), 'the culvert story');
  const overdue = await get('overdue=true&urgency=emergency');
  t.ok(overdue.some((c) => /护栏/.test(c.summary)), `the bridge railing: ${overdue.map((c) => c.summary).join(' | ')}`);
});
