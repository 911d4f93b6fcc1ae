import t from 'tap';
import { culvert, inDays, people, testApp } from '../../support/test-app.js';

const problem = 'application/problem+json; charset=utf-8';
const HOUR_MS = 3_600_000;
const fields = (res: { json: () => { errors: Array<{ in: string; path: string }> } }) =>
  res.json().errors.map((e) => `${e.in}:${e.path}`).sort();

t.test('POST /api/cases › opens a case with a tracking code, Location and ETag', async (t) => {
  const { call } = await testApp(t);
  const res = await call({ ...people.staff, name: 'Wang Fang' }, 'POST', '/api/cases', culvert);
  t.equal(res.statusCode, 201);
  const body = res.json();
  t.equal(res.headers.location, `/api/cases/${body.id}`);
  t.equal(res.headers.etag, '"0"');
  t.match(body, {
    status: 'received',
    statusGroup: 'open',
    workflowVersion: 2,
    revision: 0,
    stationId: 'st-baichehe',
    areaCode: '520221104',
    trackingCode: /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/,
    escalated: false,
    constituent: culvert.constituent,
    receivedBy: { id: 'staff-baichehe', role: 'staff', name: 'Wang Fang' },
  });
  t.same(body.allowedActions.sort(), ['accept', 'add-note', 'assign', 'decline'], 'what staff may do with a new case');
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
  t.match(res.json(), { status: 400, code: 'HTTP.BAD_REQUEST', title: 'Bad request', type: /^https:/ });
  t.same(fields(res), ['body:channel', 'body:colour', 'body:constituent.name', 'body:constituent.phone', 'body:summary']);
  t.equal(await store.headPosition(), head);
});

t.test('POST /api/cases › an unknown station is a 400 on stationId', async (t) => {
  const { call } = await testApp(t);
  const res = await call(people.admin, 'POST', '/api/cases', { ...culvert, stationId: 'st-nowhere' });
  t.equal(res.statusCode, 400);
  t.same(res.json().errors, [{ in: 'body', path: 'stationId', message: 'no such station' }]);
});

t.test('POST /api/cases › the category is a code from the area’s list: free text and unknown codes are refused', async (t) => {
  const { call, store } = await testApp(t);
  const head = await store.headPosition();
  const freeText = await call(people.staff, 'POST', '/api/cases', { ...culvert, category: '道路与排水' });
  t.equal(freeText.statusCode, 400);
  t.same(fields(freeText), ['body:category']);
  const unknown = await call(people.staff, 'POST', '/api/cases', { ...culvert, category: 'potholes' });
  t.equal(unknown.statusCode, 400);
  t.equal(unknown.json().code, 'COMMAND.INVALID');
  t.same(fields(unknown), ['body:category']);
  t.match(unknown.json().errors[0].message, /GET \/api\/categories\?area=520221104/, 'the problem says where the list is');
  // `industry` is on Shuicheng's list only: a Zhongshan station cannot use it.
  const elsewhere = await call(people.otherStaff, 'POST', '/api/cases', { ...culvert, stationId: 'st-hecheng', category: 'industry' });
  t.equal(elsewhere.statusCode, 400);
  t.same(fields(elsewhere), ['body:category']);
  t.equal(await store.headPosition(), head, 'no refused form wrote anything');
});

t.test('POST /api/cases › urgency defaults to the category’s, as the station’s district defines it', async (t) => {
  const { call } = await testApp(t);
  const shuicheng = (await call(people.staff, 'POST', '/api/cases', culvert)).json();
  t.match(shuicheng, { category: 'roads', categoryName: '道路与排水', urgency: 'urgent' });
  const zhongshan = (await call(people.otherStaff, 'POST', '/api/cases', { ...culvert, stationId: 'st-hecheng' })).json();
  t.match(zhongshan, { category: 'roads', categoryName: '道路', urgency: 'normal' }, 'the same code, Zhongshan’s entry');
  const stated = (await call(people.staff, 'POST', '/api/cases', { ...culvert, urgency: 'emergency' })).json();
  t.equal(stated.urgency, 'emergency', 'the form may say otherwise');
  t.equal(Date.parse(stated.replyDueBy) - Date.parse(stated.receivedAt), 2 * HOUR_MS, 'an emergency is due in two hours');
});

t.test('POST /api/cases › receivedAt: within the last 30 days and not in the future; replyDueBy counts from it', async (t) => {
  const { call, store } = await testApp(t);
  const head = await store.headPosition();
  for (const receivedAt of [inDays(-31), inDays(1 / 24)]) {
    const res = await call(people.staff, 'POST', '/api/cases', { ...culvert, receivedAt });
    t.equal(res.statusCode, 400, receivedAt);
    t.same(fields(res), ['body:receivedAt']);
  }
  t.equal(await store.headPosition(), head);
  const threeDaysAgo = inDays(-3);
  const late = (await call(people.staff, 'POST', '/api/cases', { ...culvert, receivedAt: threeDaysAgo })).json();
  t.equal(late.receivedAt, threeDaysAgo, 'when the visit happened');
  t.ok(Date.parse(late.recordedAt) - Date.parse(late.receivedAt) > 2.9 * 24 * HOUR_MS, 'recordedAt is when it was entered');
  t.equal(Date.parse(late.replyDueBy), Date.parse(threeDaysAgo) + 24 * HOUR_MS, 'urgent: a day from the visit, not from the entry');
  const old = (await call(people.staff, 'POST', '/api/cases', { ...culvert, receivedAt: inDays(-29) })).json();
  t.equal(old.status, 'received', '29 days back is still within the window');
  const now = (await call(people.staff, 'POST', '/api/cases', culvert)).json();
  t.equal(now.receivedAt, now.recordedAt, 'without receivedAt the visit is now');
});

t.test('POST /api/cases › the deputies who received the visitor must exist, and are kept', async (t) => {
  const { call } = await testApp(t);
  const res = await call(people.staff, 'POST', '/api/cases', { ...culvert, receptionDeputyIds: ['dep-wen', 'dep-nobody'] });
  t.equal(res.statusCode, 400);
  t.same(fields(res), ['body:receptionDeputyIds.1']);
  const repeated = await call(people.staff, 'POST', '/api/cases', { ...culvert, receptionDeputyIds: ['dep-wen', 'dep-wen'] });
  t.equal(repeated.statusCode, 400);
  const ok = await call(people.staff, 'POST', '/api/cases', { ...culvert, receptionDeputyIds: ['dep-wen', 'dep-li'] });
  t.same(ok.json().receptionDeputyIds, ['dep-wen', 'dep-li']);
});
