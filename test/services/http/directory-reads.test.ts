import t from 'tap';
import { people, testApp } from '../../support/test-app.js';

// The shared seed: Shuicheng district (520221) holds Panlong town (520221104)
// with two stations; Zhongshan district (520201) has one station.
// Categories have their own tests (categories.test.ts).
const problem = 'application/problem+json; charset=utf-8';
const ids = (res: { json: () => { items: Array<{ id?: string; code?: string }> } }) =>
  res.json().items.map((item) => item.id ?? item.code);

t.test('GET /api/areas, /api/stations, /api/deputies › public lists, filtered by area prefix and station', async (t) => {
  const { app } = await testApp(t);
  const get = async (url: string) => {
    const res = await app.inject(url);
    t.equal(res.statusCode, 200, url);
    return res;
  };
  t.same(ids(await get('/api/areas')), ['520201', '520221', '520221104']);
  t.same(ids(await get('/api/areas?area=520221')), ['520221', '520221104']);
  t.same(ids(await get('/api/stations')), ['st-hecheng', 'st-baichehe', 'st-panlong']);
  t.same(ids(await get('/api/stations?area=520221')), ['st-baichehe', 'st-panlong']);
  t.same(ids(await get('/api/stations?area=999')), []);
  t.same(ids(await get('/api/deputies?station=st-panlong')), ['dep-li', 'dep-luo'], 'by name: Li Xianjian, Luo Jian');
  t.same(ids(await get('/api/deputies?area=520221')), ['dep-li', 'dep-luo', 'dep-wen']);
  t.same(ids(await get('/api/deputies?area=52&station=st-hecheng')), ['dep-yue']);
  const all = (await get('/api/deputies')).json().items;
  t.same(all.find((d: { id: string }) => d.id === 'dep-li'), {
    id: 'dep-li',
    name: 'Li Xianjian',
    level: 'township',
    stationIds: ['st-baichehe', 'st-panlong'],
  });
});

t.test('GET /api/{kind}/{id} › one entry, with its revision as ETag', async (t) => {
  const { app, call } = await testApp(t);
  const res = await app.inject('/api/stations/st-panlong');
  t.equal(res.statusCode, 200);
  t.equal(res.headers.etag, '"0"');
  t.same(res.json(), {
    id: 'st-panlong',
    name: 'Panlong Town Station',
    kind: 'station',
    areaCode: '520221104',
    address: 'Panlong town hall',
    receptionSchedule: 'Mondays 9:00–12:00',
  });
  await call(people.admin, 'PATCH', '/api/deputies/dep-wen', { level: 'county' });
  const deputy = await app.inject('/api/deputies/dep-wen');
  t.equal(deputy.headers.etag, '"1"', 'one update later');
  t.equal(deputy.json().level, 'county');
  t.same((await app.inject('/api/areas/520221104')).json(), { code: '520221104', name: 'Panlong Town' });
});

t.test('GET /api/{kind}/{id} › an unknown entry is a 404 problem', async (t) => {
  const { app } = await testApp(t);
  for (const url of ['/api/stations/st-nowhere', '/api/deputies/dep-nobody', '/api/areas/530000', '/api/categories/520221.nothing']) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 404, url);
    t.equal(res.headers['content-type'], problem);
    t.equal(res.json().code, 'DIRECTORY.NOT_FOUND');
  }
});

t.test('GET lists › a bad filter is a 400 naming every bad parameter', async (t) => {
  const { app } = await testApp(t, { seed: false });
  const res = await app.inject('/api/deputies?area=52x&station=Not%20An%20Id&colour=red');
  t.equal(res.statusCode, 400);
  t.equal(res.headers['content-type'], problem);
  t.same(
    res.json().errors.map((e: { in: string; path: string }) => `${e.in}:${e.path}`).sort(),
    ['query:area', 'query:colour', 'query:station'],
  );
  const badId = await app.inject('/api/stations/UPPER');
  t.equal(badId.statusCode, 400);
  t.same(badId.json().errors.map((e: { in: string; path: string }) => `${e.in}:${e.path}`), ['path:id']);
});

t.test('GET /docs/json › documents every directory route', async (t) => {
  const { app } = await testApp(t, { seed: false });
  const doc = (await app.inject('/docs/json')).json();
  for (const [path, methods] of Object.entries({
    '/api/areas': ['get', 'post'],
    '/api/areas/{code}': ['get', 'patch'],
    '/api/areas/{code}/history': ['get'],
    '/api/stations': ['get', 'post'],
    '/api/stations/{id}': ['get', 'patch'],
    '/api/stations/{id}/history': ['get'],
    '/api/deputies': ['get', 'post'],
    '/api/deputies/{id}': ['get', 'patch'],
    '/api/deputies/{id}/history': ['get'],
    '/api/categories': ['get', 'post'],
    '/api/categories/{id}': ['get', 'patch'],
    '/api/categories/{id}/history': ['get'],
  })) {
    t.same(Object.keys(doc.paths[path] ?? {}).sort(), methods, path);
  }
  t.ok(doc.paths['/api/stations'].post.requestBody, 'the body schema is documented');
  t.same(doc.paths['/api/stations'].get.security, [], 'lists are public');
});
