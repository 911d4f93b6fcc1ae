import t from 'tap';
import { culvert, directorySeed, people, testApp } from '../../support/test-app.js';

const problem = 'application/problem+json; charset=utf-8';
const ids = (res: { json: () => { items: Array<{ id: string }> } }) => res.json().items.map((item) => item.id);
const fields = (res: { json: () => { errors: Array<{ in: string; path: string }> } }) =>
  res.json().errors.map((e) => `${e.in}:${e.path}`).sort();

/** Panlong town keeps its own `roads` (village roads, less urgent) and a `tea` category of its own. */
const villageRoads = { areaCode: '520221104', code: 'roads', nameZh: '乡村道路', nameEn: 'Village roads', defaultUrgency: 'normal' };
const tea = { areaCode: '520221104', code: 'tea', nameZh: '茶产业', nameEn: 'Tea growing', defaultUrgency: 'complex' };

t.test('POST /api/categories › an administrator registers a category; its id is <area>.<code>', async (t) => {
  const { app, call } = await testApp(t);
  const res = await call(people.admin, 'POST', '/api/categories', tea);
  t.equal(res.statusCode, 201);
  t.equal(res.headers.location, '/api/categories/520221104.tea');
  t.equal(res.headers.etag, '"0"');
  t.match(res.json(), { id: '520221104.tea', ...tea, revision: 0, position: Number });
  const one = await app.inject('/api/categories/520221104.tea');
  t.equal(one.statusCode, 200, 'anyone may read it');
  t.same(one.json(), { id: '520221104.tea', ...tea });
  const history = (await call(people.auditor, 'GET', '/api/categories/520221104.tea/history')).json();
  t.match(history.events, [{ type: 'CategoryRegistered', data: { id: '520221104.tea', code: 'tea' }, metadata: { actor: { id: 'admin-1' } } }]);
});

t.test('POST /api/categories › refused for anyone else, twice, with a bad code or an unknown area; nothing written', async (t) => {
  const { call, store } = await testApp(t);
  const head = await store.headPosition();
  for (const who of [people.staff, people.supervisor, people.auditor]) {
    t.equal((await call(who, 'POST', '/api/categories', tea)).statusCode, 403, who.sub);
  }
  const again = await call(people.admin, 'POST', '/api/categories', directorySeed.categories[0]);
  t.equal(again.statusCode, 409);
  t.equal(again.json().code, 'DIRECTORY.ALREADY_EXISTS');
  const bad = await call(people.admin, 'POST', '/api/categories', { ...tea, code: '茶 Tea', defaultUrgency: 'whenever', id: 'x.y' });
  t.equal(bad.statusCode, 400);
  t.equal(bad.headers['content-type'], problem);
  t.same(fields(bad), ['body:code', 'body:defaultUrgency', 'body:id'], 'the id is derived, never sent');
  const nowhere = await call(people.admin, 'POST', '/api/categories', { ...tea, areaCode: '530000' });
  t.same(fields(nowhere), ['body:areaCode']);
  t.equal(await store.headPosition(), head);
});

t.test('GET /api/categories › every list; ?area= what applies there, narrowest first, a narrower code overriding', async (t) => {
  const { app, call } = await testApp(t);
  t.same(ids(await app.inject('/api/categories')), ['520201.roads', '520221.industry', '520221.roads']);
  t.same(ids(await app.inject('/api/categories?area=520221')), ['520221.industry', '520221.roads']);
  t.same(ids(await app.inject('/api/categories?area=520201')), ['520201.roads'], 'another district’s list is its own');
  for (const category of [villageRoads, tea]) t.equal((await call(people.admin, 'POST', '/api/categories', category)).statusCode, 201);
  const town = await app.inject('/api/categories?area=520221104');
  t.same(ids(town), ['520221104.roads', '520221104.tea', '520221.industry'], 'the town’s roads stand in for the district’s');
  t.same(ids(await app.inject('/api/categories?area=520221104201')), ids(town), 'a village below the town has the town’s');
  t.same(ids(await app.inject('/api/categories?area=520221')), ['520221.industry', '520221.roads'], 'the district’s list is unchanged');
  const bad = await app.inject('/api/categories?area=52');
  t.equal(bad.statusCode, 400);
  t.same(fields(bad), ['query:area']);
});

t.test('categories › a case takes the narrowest category with its code, and follows an edited default', async (t) => {
  const { call } = await testApp(t);
  await call(people.admin, 'POST', '/api/categories', villageRoads);
  const town = (await call(people.staff, 'POST', '/api/cases', culvert)).json();
  t.match(town, { category: 'roads', categoryName: '乡村道路', urgency: 'normal' });
  const edited = await call(people.admin, 'PATCH', '/api/categories/520221104.roads', { defaultUrgency: 'emergency' });
  t.equal(edited.statusCode, 200);
  t.match(edited.json(), { ...villageRoads, defaultUrgency: 'emergency', revision: 1 });
  t.equal((await call(people.staff, 'POST', '/api/cases', culvert)).json().urgency, 'emergency', 'new cases take the new default');
  const renamed = await call(people.admin, 'PATCH', '/api/categories/520221104.roads', { code: 'lanes' });
  t.equal(renamed.statusCode, 400, 'the code is the identity, not an editable field');
});

