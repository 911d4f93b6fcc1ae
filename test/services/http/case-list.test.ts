import t from 'tap';
import { culvert, inDays, people, testApp, type TestApp, type Who } from '../../support/test-app.js';

/** Cases in two districts: Baichehe and Panlong (520221104, Shuicheng) and Hecheng (520201, Zhongshan). */
async function threeStations(t: Parameters<typeof testApp>[0]) {
  const app = await testApp(t);
  const open = async (form: object, actions: Array<[string, unknown?]> = []) => {
    const res = await app.call(people.admin, 'POST', '/api/cases', { ...culvert, ...form });
    if (res.statusCode !== 201) throw new Error(res.body);
    const view = res.json() as { id: string; trackingCode: string };
    for (const [action, data] of actions) {
      const done = await app.call(people.admin, 'POST', `/api/cases/${view.id}/${action}`, data ?? {});
      if (done.statusCode !== 200) throw new Error(done.body);
    }
    return view;
  };
  const baichehe = await open({ summary: '通村公路旁涵洞堵塞 blocked culvert' });
  // Panlong, assigned to Wen, who serves at Baichehe only.
  const panlong = await open({ stationId: 'st-panlong', summary: '路灯不亮 culvert lights' }, [['assign', { deputyIds: ['dep-wen'] }]]);
  const hecheng = await open({ stationId: 'st-hecheng', summary: '涵洞 culvert in Hecheng' }, [['assign', { deputyIds: ['dep-yue'] }]]);
  return { ...app, baichehe, panlong, hecheng };
}

/** The list as `who` reads it once the read model shows everything written so far. */
const list = async (app: TestApp, who: Who, query = '') => {
  const minPosition = await app.store.headPosition();
  const res = await app.call(who, 'GET', `/api/cases?minPosition=${minPosition}${query ? `&${query}` : ''}`);
  if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body}`);
  return (res.json().items as Array<{ id: string }>).map((i) => i.id);
};

t.test('GET /api/cases › each caller sees exactly the cases the permission matrix lets them open', async (t) => {
  const app = await threeStations(t);
  const { baichehe: b, panlong: p, hecheng: h } = app;
  const sees = async (who: Who) => (await list(app, who)).sort();
  t.same(await sees(people.staff), [b.id], 'staff: their station');
  t.same(await sees(people.otherStaff), [h.id]);
  t.same(await sees(people.deputyWen), [b.id, p.id].sort(), 'a deputy: their station, and the Panlong case assigned to them');
  t.same(await sees(people.deputyLi), [b.id, p.id].sort(), 'Li serves both Shuicheng stations');
  t.same(await sees(people.deputyYue), [h.id]);
  t.same(await sees(people.supervisor), [b.id, p.id].sort(), 'a supervisor: their district and below');
  t.same(await sees(people.otherSupervisor), [h.id]);
  t.same(await sees(people.auditor), [b.id, p.id, h.id].sort());
  for (const [{ id }, who] of [[b, people.staff], [p, people.deputyWen], [h, people.otherSupervisor]] as const) {
    t.equal((await app.call(who, 'GET', `/api/cases/${id}`)).statusCode, 200, `${who.sub} may open ${id} too`);
  }
});

t.test('GET /api/cases › no filter reaches outside the caller’s scope', async (t) => {
  const app = await threeStations(t);
  const { hecheng: h, panlong: p } = app;
  // Every one of these finds the Hecheng case for someone allowed to see it.
  const findsHecheng = [
    'station=st-hecheng', 'area=520201', 'deputy=dep-yue', 'category=roads', 'channel=reception-day', 'status=assigned', 'group=open',
    'escalated=false', 'overdue=false', `trackingCode=${h.trackingCode}`, 'q=Hecheng', 'q=涵洞', `receivedFrom=${encodeURIComponent(inDays(-1))}`,
  ];
  for (const query of findsHecheng) {
    t.ok((await list(app, people.otherSupervisor, query)).includes(h.id), `${query} finds it for Zhongshan’s supervisor`);
    t.ok((await list(app, people.deputyYue, query)).includes(h.id), `and for its deputy`);
    for (const who of [people.staff, people.deputyWen, people.deputyLi, people.supervisor]) {
      t.notOk((await list(app, who, query)).includes(h.id), `${query}: never for ${who.sub}`);
    }
  }
  t.same(await list(app, people.staff, 'deputy=dep-wen'), [], 'Baichehe staff do not see Wen’s Panlong case by naming Wen');
  t.same(await list(app, people.deputyWen, 'station=st-panlong'), [p.id], 'Wen sees Panlong’s case assigned to her, not the station');
  t.same(await list(app, people.otherSupervisor, 'q=路灯'), [], 'a search hit in another district stays hidden');
  t.same(await list(app, people.supervisor, 'q=路灯'), [p.id]);
});

t.test('GET /api/cases › items carry the list fields; overdue is judged when asked', async (t) => {
  const app = await testApp(t);
  const late = await app.openCase([], { ...culvert, receivedAt: inDays(-3) });
  const fresh = await app.openCase([['assign', { deputyIds: ['dep-li'] }], ['escalate', { to: 'County office', reason: 'Slow', dueBy: inDays(3) }]]);
  const res = await app.call(people.staff, 'GET', `/api/cases?sort=due&order=asc&minPosition=${await app.store.headPosition()}`);
  t.equal(res.statusCode, 200);
  const [first, second] = res.json().items;
  t.match(first, { id: late.id, status: 'received', group: 'open', stationId: 'st-baichehe', areaCode: '520221104', category: 'roads',
    channel: 'reception-day', urgency: 'urgent', summary: culvert.summary, overdue: true, escalated: false, deputyIds: [] });
  t.match(second, { id: fresh.id, status: 'assigned', overdue: false, escalated: true, deputyIds: ['dep-li'] });
  t.notOk('constituent' in first, 'no personal data in a list');
  t.same(await list(app, people.staff, 'overdue=true'), [late.id]);
  t.same(await list(app, people.staff, 'escalated=true'), [fresh.id]);
  t.same(await list(app, people.staff, 'sort=activity&order=desc'), [fresh.id, late.id], 'last touched first');
  t.same(await list(app, people.staff, 'sort=received&order=asc'), [late.id, fresh.id]);
});

t.test('GET /api/cases › pages with a cursor are stable under ties and cover every case once', async (t) => {
  const app = await testApp(t);
  const receivedAt = inDays(-1);
  const ids = new Set<string>();
  for (let i = 0; i < 7; i++) ids.add((await app.openCase([], { ...culvert, receivedAt })).id);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await app.call(people.staff, 'GET', `/api/cases?limit=3&order=asc&minPosition=${await app.store.headPosition()}${cursor ? `&cursor=${cursor}` : ''}`);
    t.equal(res.statusCode, 200);
    seen.push(...res.json().items.map((i: { id: string }) => i.id));
    cursor = res.json().nextCursor;
  } while (cursor);
  t.same(seen, [...ids].sort(), 'one receipt time for all: ordered by id, none twice, none left out');
  const bad = await app.call(people.staff, 'GET', '/api/cases?cursor=bm90LWEtY3Vyc29y');
  t.equal(bad.statusCode, 400);
  t.match(bad.json(), { code: 'HTTP.BAD_REQUEST', errors: [{ in: 'query', path: 'cursor' }] });
});

t.test('GET /api/cases › bad filters are a 400 naming every one', async (t) => {
  const app = await testApp(t);
  const res = await app.call(people.supervisor, 'GET',
    '/api/cases?status=received,lost&group=pending&area=52x&channel=fax&urgency=now&escalated=yes&overdue=1&receivedFrom=monday&limit=500&sort=name&order=up&trackingCode=abc&q=，&colour=red');
  t.equal(res.statusCode, 400);
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  const paths = (res.json().errors as Array<{ path: string }>).map((e) => e.path.split('.')[0]);
  for (const field of ['status', 'group', 'area', 'channel', 'urgency', 'escalated', 'overdue', 'receivedFrom', 'limit', 'sort', 'order', 'trackingCode', 'q', 'colour']) {
    t.ok(paths.includes(field), `names ${field}`);
  }
  const backwards = await app.call(people.supervisor, 'GET', `/api/cases?receivedFrom=${encodeURIComponent(inDays(0))}&receivedTo=${encodeURIComponent(inDays(-1))}`);
  t.match(backwards.json(), { status: 400, errors: [{ path: 'receivedTo' }] });
  t.equal((await app.app.inject({ method: 'GET', url: '/api/cases' })).statusCode, 401, 'a list needs a signed-in caller');
});

t.test('GET /api/cases › reads its own writes, and waits for minPosition', async (t) => {
  const app = await testApp(t);
  const created = await app.call(people.staff, 'POST', '/api/cases', culvert);
  const position = created.json().position as number;
  const res = await app.call(people.staff, 'GET', `/api/cases?minPosition=${position}`);
  t.same(res.json().items.map((i: { id: string }) => i.id), [created.json().id], 'the position a command answered: the case is listed');
  const ahead = await app.call(people.staff, 'GET', `/api/cases?minPosition=${position + 1000}`);
  t.equal(ahead.statusCode, 503, 'a position the log has not reached: try again');
  t.ok(ahead.headers['retry-after']);
  t.match(ahead.json(), { code: 'READ_MODEL.BEHIND' });
});

t.test('GET /api/cases › the OpenAPI document describes the list', async (t) => {
  const app = await testApp(t, { seed: false });
  const doc = (await app.app.inject({ method: 'GET', url: '/docs/json' })).json();
  t.ok(doc.paths['/api/cases'].get, 'GET /api/cases');
  t.ok(doc.paths['/api/me/cases'].get, 'GET /api/me/cases');
});
