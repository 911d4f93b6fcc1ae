import t from 'tap';
import { inDays, people, testApp } from '../../support/test-app.js';

/** Baichehe's staff announce an inspection with Li and Wen three days from now. */
const inspection = () => ({
  status: 'announced', kind: 'inspection', title: '村道安全视察', place: '法那村四组', stationId: 'st-baichehe',
  deputyIds: ['dep-li', 'dep-wen'], startsAt: inDays(3), summary: '欢迎村民参加',
});
const recorded = () => ({
  status: 'held', kind: 'contact', title: '走访群众', place: '百车河社区', areaCode: '520221104',
  deputyIds: ['dep-li'], heldAt: inDays(-2), attendance: 15, summary: '收集意见 4 条',
});

t.test('activities › announced, then held with If-Match and an idempotency key; a held one takes nothing more', async (t) => {
  const app = await testApp(t);
  const created = await app.call(people.staff, 'POST', '/api/activities', inspection());
  t.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  t.equal(created.headers.location, `/api/activities/${id}`);
  t.equal(created.headers.etag, '"0"');
  t.match(created.json(), { status: 'announced', areaCode: '520221104', stationId: 'st-baichehe', heldAt: null, allowedActions: ['hold', 'cancel'] });
  const early = await app.call(people.staff, 'POST', `/api/activities/${id}/hold`, { attendance: 3, summary: '提前' });
  t.equal(early.statusCode, 400, 'not held before it starts unless told when');
  const stale = await app.call(people.staff, 'POST', `/api/activities/${id}/hold`, { heldAt: inDays(0), attendance: 30, summary: '查看三处隐患' }, { 'if-match': '"4"' });
  t.equal(stale.statusCode, 412);
  const hold = { heldAt: inDays(0), attendance: 30, summary: '查看三处隐患' };
  const held = await app.call(people.deputyWen, 'POST', `/api/activities/${id}/hold`, hold, { 'if-match': '"0"', 'idempotency-key': 'hold-1' });
  t.equal(held.statusCode, 200, held.body);
  t.match(held.json(), { status: 'held', revision: 1, attendance: 30, deputyIds: ['dep-li', 'dep-wen'], allowedActions: [] });
  const again = await app.call(people.deputyWen, 'POST', `/api/activities/${id}/hold`, hold, { 'idempotency-key': 'hold-1' });
  t.equal(again.statusCode, 200);
  t.equal(again.headers['idempotent-replayed'], 'true');
  const cancel = await app.call(people.admin, 'POST', `/api/activities/${id}/cancel`, { reason: '晚了' });
  t.equal(cancel.statusCode, 409);
  t.same(cancel.json().allowedActions, []);
  t.equal((await app.call(people.admin, 'POST', '/api/activities/nope/hold', hold)).statusCode, 404);
  t.equal((await app.call(people.admin, 'POST', `/api/activities/${id}/postpone`, {})).statusCode, 404);
  const read = await app.call(people.auditor, 'GET', `/api/activities/${id}`);
  t.equal(read.statusCode, 200);
  t.equal(read.headers.etag, '"1"');
});

t.test('activities › who may announce, record, hold and cancel', async (t) => {
  const app = await testApp(t);
  const announce = (who: (typeof people)[keyof typeof people], body: object = inspection()) => app.call(who, 'POST', '/api/activities', body);
  const expected: Array<[keyof typeof people, number]> = [
    ['staff', 201], ['otherStaff', 403], ['supervisor', 201], ['otherSupervisor', 403], ['admin', 201], ['auditor', 403],
    ['deputyYue', 403], // does not take part
  ];
  for (const [who, status] of expected) t.equal((await announce(people[who])).statusCode, status, who);
  // A deputy records their own part only: each one's 三个一 is theirs to make, not a colleague's.
  const withOthers = await announce(people.deputyLi);
  t.equal(withOthers.statusCode, 400);
  t.same(withOthers.json().errors.map((e: { path: string }) => e.path), ['deputyIds.1']);
  t.equal((await announce(people.deputyLi, { ...inspection(), deputyIds: ['dep-li'] })).statusCode, 201, 'a deputy announces their own');
  const notHere = await announce(people.staff, { ...inspection(), deputyIds: ['dep-li', 'dep-yue'] });
  t.same(notHere.json().errors.map((e: { path: string }) => e.path), ['deputyIds.1'], 'staff name only their station’s deputies');
  t.equal((await announce(people.staff, { ...recorded(), stationId: 'st-baichehe', areaCode: undefined, heldAt: inDays(-40) })).json().errors[0].path, 'heldAt', 'recorded within 30 days');
  t.equal((await announce(people.deputyYue, { ...recorded(), deputyIds: ['dep-yue'], areaCode: '520201' })).statusCode, 201, 'a deputy records their own');
  t.equal((await announce(people.staff, recorded())).statusCode, 403, 'staff manage their stations’ activities only');
  const id = (await announce(people.staff)).json().id as string;
  t.equal((await app.call(people.deputyYue, 'POST', `/api/activities/${id}/cancel`, { reason: 'x' })).statusCode, 403);
  const cancelled = await app.call(people.deputyLi, 'POST', `/api/activities/${id}/cancel`, { reason: '暴雨' });
  t.equal(cancelled.statusCode, 200);
  t.match(cancelled.json(), { status: 'cancelled', cancelReason: '暴雨' });
  const anonymous = await app.app.inject({ method: 'POST', url: '/api/activities', payload: inspection() });
  t.equal(anonymous.statusCode, 401);
});

t.test('activities › bad bodies are 400s naming the field, and write nothing', async (t) => {
  const app = await testApp(t);
  const before = await app.store.headPosition();
  const paths = async (body: object) => {
    const res = await app.call(people.admin, 'POST', '/api/activities', body);
    t.equal(res.statusCode, 400, res.body);
    return (res.json().errors as Array<{ path: string }>).map((e) => e.path);
  };
  t.same(await paths({ ...inspection(), deputyIds: ['dep-li', 'dep-nobody'] }), ['deputyIds.1']);
  t.same(await paths({ ...inspection(), areaCode: '520201' }), ['areaCode'], 'a station’s activity is in the station’s area');
  t.same(await paths({ ...recorded(), areaCode: undefined }), ['areaCode']);
  t.same(await paths({ ...inspection(), startsAt: inDays(-1) }), ['startsAt']);
  t.same(await paths({ ...recorded(), heldAt: inDays(1) }), ['heldAt']);
  t.same(await paths({ ...inspection(), colour: 'red' }), ['colour']);
  t.equal(await app.store.headPosition(), before);
});

t.test('activities › the list by area and time; the online station shows what is to come, deputies by name only', async (t) => {
  const app = await testApp(t);
  const coming = (await app.call(people.staff, 'POST', '/api/activities', inspection())).json();
  const past = (await app.call(people.supervisor, 'POST', '/api/activities', recorded())).json();
  const elsewhere = await app.call(people.otherSupervisor, 'POST', '/api/activities', { ...inspection(), stationId: 'st-hecheng', deputyIds: ['dep-yue'] });
  const called = (await app.call(people.staff, 'POST', '/api/activities', inspection())).json();
  const last = await app.call(people.staff, 'POST', `/api/activities/${called.id}/cancel`, { reason: '暴雨' });
  const list = await app.call(people.deputyWen, 'GET', `/api/activities?area=520221&minPosition=${last.json().position}`);
  t.equal(list.statusCode, 200);
  t.same(list.json().items.map((a: { id: string; status: string }) => [a.id, a.status]), [[past.id, 'held'], [coming.id, 'announced'], [called.id, 'cancelled']]);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const fromToday = await app.call(people.deputyWen, 'GET', `/api/activities?area=520221&from=${today}`);
  t.same(fromToday.json().items.map((a: { id: string }) => a.id), [coming.id, called.id]);
  const shown = await app.app.inject({ method: 'GET', url: '/api/public/activities?area=520221' });
  t.equal(shown.statusCode, 200, 'no sign-in');
  t.same(shown.json().items, [{
    id: coming.id, kind: 'inspection', title: '村道安全视察', place: '法那村四组', areaCode: '520221104', stationId: 'st-baichehe',
    startsAt: coming.startsAt, endsAt: null, summary: '欢迎村民参加',
    deputies: [{ id: 'dep-li', name: 'Li Xianjian' }, { id: 'dep-wen', name: 'Wen Youliang' }],
  }]);
  const everywhere = await app.app.inject({ method: 'GET', url: '/api/public/activities' });
  t.same(everywhere.json().items.map((a: { id: string }) => a.id).sort(), [coming.id, elsewhere.json().id].sort());
});
