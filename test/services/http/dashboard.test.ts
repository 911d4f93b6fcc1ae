import t from 'tap';
import { people, testApp, toAnswered } from '../../support/test-app.js';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Reads name the log's head as their minPosition: the figures then include every case written. */
const atHead = async (store: { headPosition(): Promise<number> }, url: string) =>
  `${url}${url.includes('?') ? '&' : '?'}minPosition=${await store.headPosition()}`;

t.test('dashboard routes › a supervisor sees their district’s figures, another district sees none of them', async (t) => {
  const { call, openCase, store } = await testApp(t);
  await openCase();
  const answered = await openCase(toAnswered);
  t.ok(answered.id);
  const mine = await call(people.supervisor, 'GET', await atHead(store, '/api/dashboard'));
  t.equal(mine.statusCode, 200, mine.body);
  const body = mine.json();
  t.match(body, {
    scope: { area: '520221', stationIds: null },
    period: { to: today(), timeZone: '+08:00' },
    minimumSample: 5,
    cases: { total: 2, byGroup: { open: 1, answered: 1, closed: 0 }, byChannel: { 'reception-day': 2 }, byCategory: { roads: 2 } },
    openNow: 1,
    overdueNow: 0,
    rates: { response: { value: null, insufficientData: true, formula: { version: 1 } } },
  });
  t.same(body.byArea.map((a: { areaCode: string }) => a.areaCode), ['520221104'], 'the district’s towns');
  t.same(body.byStation.map((s: { stationId: string }) => s.stationId), ['st-baichehe']);
  t.same(
    [...body.byArea, ...body.byStation].map((x: { name: string | null }) => x.name),
    ['Panlong Town', 'Baichehe Community Room'],
    'each named as the directory names it',
  );
  t.match(body.hours.toAcknowledge, { count: 1, insufficientData: true });

  const theirs = (await call(people.otherSupervisor, 'GET', '/api/dashboard')).json();
  t.match(theirs, { scope: { area: '520201' }, cases: { total: 0 }, openNow: 0, byStation: [], byArea: [] });
  const totals = (await call(people.otherSupervisor, 'GET', '/api/totals')).json();
  t.match(totals, { voterReceptions: 0, opinionsCollected: { total: 0 }, casesAnswered: 0, practicalThingsDone: 0 });

  const prying = await call(people.otherSupervisor, 'GET', '/api/dashboard?area=520221');
  t.equal(prying.statusCode, 403, 'an area outside their own');
  t.equal(prying.json().code, 'AUTH.FORBIDDEN');
  t.equal((await call(people.otherSupervisor, 'GET', '/api/totals?area=5202')).statusCode, 403, 'nor a wider one');
  t.match((await call(people.supervisor, 'GET', '/api/dashboard?area=520221104')).json(), { scope: { area: '520221104' }, cases: { total: 2 } });
  t.match((await call(people.auditor, 'GET', '/api/dashboard?area=520201')).json(), { cases: { total: 0 } }, 'an auditor asks for any area');
  t.match((await call(people.auditor, 'GET', '/api/dashboard')).json(), { scope: { area: null }, cases: { total: 2 } });
});

t.test('dashboard routes › staff and deputies see the figures of their stations', async (t) => {
  const { call, openCase, store } = await testApp(t);
  await openCase();
  t.match((await call(people.staff, 'GET', await atHead(store, '/api/dashboard'))).json(), { scope: { stationIds: ['st-baichehe'] }, cases: { total: 1 } });
  t.match((await call(people.deputyWen, 'GET', '/api/dashboard')).json(), { cases: { total: 1 } });
  t.match((await call(people.otherStaff, 'GET', '/api/dashboard')).json(), { scope: { stationIds: ['st-hecheng'] }, cases: { total: 0 } });
  t.match((await call(people.deputyYue, 'GET', '/api/totals')).json(), { opinionsCollected: { total: 0 } });
  t.match((await call(people.staff, 'GET', '/api/totals')).json(), { voterReceptions: 1, opinionsCollected: { offline: 1, online: 0 } });
});

t.test('dashboard routes › totals count since a day, and reads wait for a position a command answered', async (t) => {
  const { call, openCase } = await testApp(t);
  await openCase(toAnswered);
  const created = await call(people.staff, 'POST', '/api/cases', { channel: 'online-message', stationId: 'st-baichehe', category: 'roads', summary: 'Street light out', constituent: { name: 'Wang' } });
  const position = created.json().position as number;
  t.ok(position > 0);
  const totals = await call(people.supervisor, 'GET', `/api/totals?minPosition=${position}&since=${today()}`);
  t.equal(totals.statusCode, 200, totals.body);
  t.match(totals.json(), {
    since: today(),
    voterReceptions: 1,
    opinionsCollected: { online: 1, offline: 1, total: 2 },
    practicalThingsDone: 1,
    casesAnswered: 1,
  });
  t.ok(totals.json().position >= position, 'the figures include the new case');
  t.match((await call(people.supervisor, 'GET', '/api/totals?since=2099-01-01')).json(), { opinionsCollected: { total: 0 } });
  const behind = await call(people.supervisor, 'GET', `/api/dashboard?minPosition=${position + 1_000}`);
  t.equal(behind.statusCode, 503, 'a position the log has not reached');
  t.equal(behind.headers['retry-after'], '1');
});

t.test('dashboard routes › bad queries are refused naming every bad field', async (t) => {
  const { call } = await testApp(t);
  const bad = await call(people.supervisor, 'GET', '/api/dashboard?from=2026-13-01&to=someday&minSample=0&area=52x');
  t.equal(bad.statusCode, 400);
  t.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
  const paths = (bad.json().errors as Array<{ path: string }>).map((e) => e.path).sort();
  t.same(paths, ['area', 'from', 'minSample', 'to']);
  const reversed = await call(people.supervisor, 'GET', '/api/dashboard?from=2026-06-30&to=2026-06-01');
  t.equal(reversed.statusCode, 400);
  t.match(reversed.json().errors, [{ path: 'to' }]);
  const future = await call(people.supervisor, 'GET', '/api/dashboard?from=2099-01-01');
  t.equal(future.statusCode, 400, 'a start after today (the default end)');
  t.match(future.json().errors, [{ path: 'from' }]);
  t.equal((await call(people.supervisor, 'GET', '/api/totals?since=yesterday')).statusCode, 400);
  const anonymous = await (await testApp(t, { seed: false })).app.inject({ method: 'GET', url: '/api/dashboard' });
  t.equal(anonymous.statusCode, 401);
});
