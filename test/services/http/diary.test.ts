import t from 'tap';
import { culvert, people, testApp, type TestApp } from '../../support/test-app.js';

/** Li received the visitor, was assigned and acknowledged; a second case at Hecheng names nobody from Baichehe. */
async function withDiary(t: Parameters<typeof testApp>[0]) {
  const app = await testApp(t);
  const opened = await app.call(people.staff, 'POST', '/api/cases', { ...culvert, receptionDeputyIds: ['dep-li'] });
  t.equal(opened.statusCode, 201);
  const id = opened.json().id as string;
  const code = opened.json().trackingCode as string;
  t.equal((await app.call(people.supervisor, 'POST', `/api/cases/${id}/assign`, { deputyIds: ['dep-li', 'dep-wen'] })).statusCode, 200);
  const acknowledged = await app.call(people.deputyLi, 'POST', `/api/cases/${id}/acknowledge`);
  t.equal(acknowledged.statusCode, 200);
  return { app, id, code, position: acknowledged.json().position as number };
}

const diary = (app: TestApp, who: Parameters<TestApp['call']>[0], query = '', headers: Record<string, string> = {}) =>
  app.call(who, 'GET', `/api/deputies/dep-li/diary${query}`, undefined, headers);

t.test('diary route › the deputy reads what they did, in Chinese by default and in English when asked', async (t) => {
  const { app, id, code, position } = await withDiary(t);
  const zh = await diary(app, people.deputyLi, `?minPosition=${position}`);
  t.equal(zh.statusCode, 200);
  t.equal(zh.headers['content-language'], 'zh-CN');
  const items = zh.json().items as Array<Record<string, string>>;
  t.same(items.map((e) => [e.kind, e.refId, e.type, e.role, e.caseId, e.trackingCode]), [
    ['case', id, 'CaseReceived', 'reception', id, code], ['case', id, 'CaseAssigned', 'assigned', id, code], ['case', id, 'CaseAcknowledged', 'actor', id, code],
  ]);
  t.match(items[0]!.text, new RegExp(`^\\d+月\\d+日 接待选民，登记事项 ${code}：Blocked culvert floods the village road$`));
  t.match(items[2]!.text, new RegExp(`签收事项 ${code}`));
  t.equal(zh.json().nextCursor, null);
  const en = await diary(app, people.deputyLi, '', { 'accept-language': 'fr;q=0.9, en-GB;q=0.8, zh;q=0.5' });
  t.equal(en.headers['content-language'], 'en');
  t.match(en.json().items[0].text, new RegExp(`^\\d+ [A-Z][a-z]{2}: Received a visitor and registered matter ${code}: Blocked culvert`));
  const stillZh = await diary(app, people.deputyLi, '', { 'accept-language': 'zh-CN, en;q=0.9' });
  t.equal(stillZh.headers['content-language'], 'zh-CN', 'Chinese preferred over English');
  const wen = await app.call(people.deputyWen, 'GET', '/api/deputies/dep-wen/diary');
  t.same(wen.json().items.map((e: { type: string }) => e.type), ['CaseAssigned'], 'another deputy sees only their own part');
});

t.test('diary route › pages with a cursor, and from/to as days in China time', async (t) => {
  const { app, position } = await withDiary(t);
  const first = await diary(app, people.deputyLi, `?limit=2&minPosition=${position}`);
  t.equal(first.json().items.length, 2);
  const cursor = first.json().nextCursor as string;
  t.type(cursor, 'string');
  const second = await diary(app, people.deputyLi, `?limit=2&cursor=${cursor}`);
  t.same(second.json().items.map((e: { type: string }) => e.type), ['CaseAcknowledged']);
  t.equal(second.json().nextCursor, null);
  const past = await diary(app, people.deputyLi, '?from=2000-01-01&to=2000-01-31');
  t.same(past.json().items, [], 'nothing happened in January 2000');
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  t.equal((await diary(app, people.deputyLi, `?from=${today}&to=${today}`)).json().items.length, 3, 'a day given as `to` is included whole');
});

t.test('diary route › bad queries are 400s naming each field', async (t) => {
  const { app } = await withDiary(t);
  const bad = await diary(app, people.deputyLi, '?from=yesterday&limit=0&colour=red');
  t.equal(bad.statusCode, 400);
  t.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
  const paths = (bad.json().errors as Array<{ path: string; in: string }>).map((e) => e.path).sort();
  t.same(paths, ['colour', 'from', 'limit']);
  const backwards = await diary(app, people.deputyLi, '?from=2026-03-02&to=2026-03-01');
  t.equal(backwards.statusCode, 400);
  t.same(backwards.json().errors.map((e: { path: string }) => e.path), ['to']);
  const cursor = await diary(app, people.deputyLi, '?cursor=not-a-cursor');
  t.equal(cursor.statusCode, 400);
  t.same(cursor.json().errors, [{ in: 'query', path: 'cursor', message: 'not a cursor this list gave out' }]);
});

t.test('diary route › who may read a deputy’s diary', async (t) => {
  const { app } = await withDiary(t);
  const expected: Array<[keyof typeof people, number]> = [
    ['deputyLi', 200], // the deputy
    ['deputyWen', 403], // another deputy, even at the same station
    ['staff', 200], // staff of one of Li's stations
    ['otherStaff', 403],
    ['supervisor', 200], // Li's stations lie in 520221
    ['otherSupervisor', 403],
    ['auditor', 200],
    ['admin', 200],
  ];
  for (const [who, status] of expected) {
    const res = await diary(app, people[who]);
    t.equal(res.statusCode, status, who);
    if (status === 403) t.equal(res.json().code, 'AUTH.FORBIDDEN');
  }
  const unknown = await app.call(people.admin, 'GET', '/api/deputies/dep-nobody/diary');
  t.equal(unknown.statusCode, 404);
  t.equal(unknown.json().code, 'DIRECTORY.NOT_FOUND');
  const anonymous = await app.app.inject({ method: 'GET', url: '/api/deputies/dep-li/diary' });
  t.equal(anonymous.statusCode, 401);
});

t.test('diary route › an activity is an entry with its kind and id, without a case', async (t) => {
  const { app } = await withDiary(t);
  const held = await app.call(people.deputyLi, 'POST', '/api/activities', {
    status: 'held', kind: 'study', title: '学习会', place: '蟠龙镇', stationId: 'st-panlong', deputyIds: ['dep-li'],
    heldAt: new Date(Date.now() + 60_000 - 120_000).toISOString(), attendance: 0, summary: '学习法律',
  });
  t.equal(held.statusCode, 201, held.body);
  const res = await diary(app, people.deputyLi, `?minPosition=${held.json().position}`, { 'accept-language': 'en' });
  const entry = res.json().items.find((e: { kind: string }) => e.kind === 'activity');
  t.match(entry, { kind: 'activity', refId: held.json().id, type: 'ActivityHeld', role: 'participant' });
  t.notOk('caseId' in entry || 'trackingCode' in entry, 'case fields only on case entries');
  t.match(entry.text, /Took part in a study session, “学习会”, at 蟠龙镇 \(0 constituents came\)$/);
});
