import t from 'tap';
import { people, testApp, type TestApp } from '../../support/test-app.js';

/**
 * The seed's deputies joined now; Old Tang joined on 5 January of last year
 * (the directory records when) and did nothing since, so last year he
 * missed every month, quarter and the year. Li held a contact activity.
 */
const lastYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() - 1;

async function withOldTang(t: Parameters<typeof testApp>[0]): Promise<{ app: TestApp; position: number }> {
  const app = await testApp(t);
  const now = `${lastYear}-01-05T01:00:00.000Z`;
  await app.app.directory.register('deputy', { id: 'dep-tang', name: 'Tang Lao', level: 'township', stationIds: ['st-panlong'] }, { id: 'test-setup', role: 'system' }, { now });
  const held = await app.call(people.deputyLi, 'POST', '/api/activities', {
    status: 'held', kind: 'contact', title: '走访群众', place: '百车河社区', stationId: 'st-baichehe', deputyIds: ['dep-li'],
    heldAt: new Date(Date.now() - 60_000).toISOString(), attendance: 8, summary: '收集意见',
  });
  t.equal(held.statusCode, 201, held.body);
  return { app, position: held.json().position as number };
}

const ids = (res: { json(): { items: Array<{ deputyId: string }> } }) => res.json().items.map((d) => d.deputyId).sort();

t.test('three ones route › a supervisor lists the deputies falling behind in their area', async (t) => {
  const { app, position } = await withOldTang(t);
  const all = await app.call(people.supervisor, 'GET', `/api/three-ones?year=${lastYear}&minPosition=${position}`);
  t.equal(all.statusCode, 200, all.body);
  t.match(all.json(), { year: lastYear, area: '520221' });
  t.same(ids(all), ['dep-li', 'dep-luo', 'dep-tang', 'dep-wen']);
  const behind = await app.call(people.supervisor, 'GET', `/api/three-ones?year=${lastYear}&behind=true`);
  t.same(ids(behind), ['dep-tang']);
  const tang = behind.json().items[0];
  t.same(tang.missed, { months: 12, quarters: 4, year: true });
  t.equal(tang.joinedAt, `${lastYear}-01-05T01:00:00.000Z`);
  t.same(ids(await app.call(people.supervisor, 'GET', `/api/three-ones?year=${lastYear}&behind=false`)), ['dep-li', 'dep-luo', 'dep-wen']);
  const thisYear = await app.call(people.supervisor, 'GET', '/api/three-ones?area=520221104');
  const li = thisYear.json().items.find((d: { deputyId: string }) => d.deputyId === 'dep-li');
  t.equal(thisYear.json().year, lastYear + 1);
  t.ok(li.months.some((m: { status: string; contacts: number }) => m.status === 'met' && m.contacts === 1), 'this month: Li’s contact counts');
  t.ok(li.quarters.some((q: { status: string }) => q.status === 'met'));
  t.equal(li.behind, false);
});

t.test('three ones route › who sees whose', async (t) => {
  const { app } = await withOldTang(t);
  const seen = async (who: (typeof people)[keyof typeof people], query = '') => {
    const res = await app.call(who, 'GET', `/api/three-ones?year=${lastYear}${query}`);
    return res.statusCode === 200 ? ids(res) : res.statusCode;
  };
  t.same(await seen(people.otherSupervisor), ['dep-yue']);
  t.equal(await seen(people.supervisor, '&area=520201'), 403, 'outside their area');
  t.same(await seen(people.supervisor, '&area=520221104'), ['dep-li', 'dep-luo', 'dep-tang', 'dep-wen'], 'below their area');
  t.same(await seen(people.staff), ['dep-li', 'dep-wen'], 'staff: their stations’ deputies');
  t.same(await seen(people.deputyLi), ['dep-li'], 'a deputy: only themself');
  t.same(await seen(people.auditor), ['dep-li', 'dep-luo', 'dep-tang', 'dep-wen', 'dep-yue']);
  t.same(await seen(people.admin, '&area=520201'), ['dep-yue']);
  t.equal((await app.app.inject({ method: 'GET', url: '/api/three-ones' })).statusCode, 401);
  t.equal((await app.call(people.admin, 'GET', '/api/three-ones?year=1999')).statusCode, 400);
});

t.test('three ones route › a deputy’s own year', async (t) => {
  const { app, position } = await withOldTang(t);
  const mine = await app.call(people.deputyLi, 'GET', `/api/me/three-ones?minPosition=${position}`);
  t.equal(mine.statusCode, 200, mine.body);
  t.equal(mine.json().deputy.deputyId, 'dep-li');
  t.equal(mine.json().deputy.months.length, 12);
  t.equal(mine.json().deputy.quarters.length, 4);
  t.equal((await app.call(people.staff, 'GET', '/api/me/three-ones')).statusCode, 403);
  const unlisted = await app.call({ sub: 'dep-nobody', role: 'deputy' }, 'GET', '/api/me/three-ones');
  t.equal(unlisted.statusCode, 404);
});
