import t from 'tap';
import { people, testApp } from '../../support/test-app.js';

const problem = 'application/problem+json; charset=utf-8';
const fields = (res: { json: () => { errors: Array<{ in: string; path: string }> } }) =>
  res.json().errors.map((e) => `${e.in}:${e.path}`).sort();
const fana = {
  id: 'st-fana',
  name: 'Fana Village Room',
  kind: 'room',
  areaCode: '520221104',
  address: 'Fana village committee',
  receptionSchedule: 'Mondays 9:00–12:00',
};

t.test('POST /api/stations › 201 with Location, ETag and position; the list shows it at once', async (t) => {
  const { app, call } = await testApp(t);
  const res = await call(people.admin, 'POST', '/api/stations', fana);
  t.equal(res.statusCode, 201);
  t.equal(res.headers.location, '/api/stations/st-fana');
  t.equal(res.headers.etag, '"0"');
  t.match(res.json(), { ...fana, revision: 0, position: Number });
  const list = (await app.inject('/api/stations?area=520221104')).json();
  t.ok(list.items.some((s: { id: string }) => s.id === 'st-fana'), 'read-your-writes on the list');
  const area = await call(people.admin, 'POST', '/api/areas', { code: '520221105', name: 'Yushe Town' });
  t.equal(area.headers.location, '/api/areas/520221105');
  const deputy = await call(people.admin, 'POST', '/api/deputies', { id: 'dep-hu', name: 'Hu Lan', level: 'township' });
  t.match(deputy.json(), { id: 'dep-hu', stationIds: [], revision: 0 });
});

t.test('PATCH /api/stations/{id} › 200 with the new record, ETag and position; lists follow', async (t) => {
  const { app, call } = await testApp(t);
  const created = (await call(people.admin, 'POST', '/api/stations', fana)).json();
  const res = await call(people.admin, 'PATCH', '/api/stations/st-fana', { areaCode: '520201', address: 'New hall' });
  t.equal(res.statusCode, 200);
  t.equal(res.headers.etag, '"1"');
  t.match(res.json(), { ...fana, areaCode: '520201', address: 'New hall', revision: 1 });
  t.ok(res.json().position > created.position);
  const moved = (await app.inject('/api/stations?area=520201')).json().items.map((s: { id: string }) => s.id);
  t.same(moved.sort(), ['st-fana', 'st-hecheng']);
  const deputies = await call(people.admin, 'PATCH', '/api/deputies/dep-wen', { stationIds: ['st-fana'] });
  t.equal(deputies.statusCode, 200);
  const inZhongshan = (await app.inject('/api/deputies?area=520201')).json().items.map((d: { id: string }) => d.id);
  t.same(inZhongshan, ['dep-yue', 'dep-wen'], 'Wen follows the station into Zhongshan; by name (Li Yue, Wen Youliang)');
  const area = await call(people.admin, 'PATCH', '/api/areas/520201', { name: 'Zhongshan' });
  t.match(area.json(), { code: '520201', name: 'Zhongshan', revision: 1 });
});

t.test('directory writes › 401 without a token, 403 for anyone but an administrator, before validation', async (t) => {
  const { app, call } = await testApp(t);
  const anonymous = await app.inject({ method: 'POST', url: '/api/stations', payload: { nonsense: true } });
  t.equal(anonymous.statusCode, 401);
  t.equal(anonymous.headers['content-type'], problem);
  t.equal(anonymous.json().code, 'AUTH.UNAUTHENTICATED');
  for (const who of [people.staff, people.supervisor, people.deputyLi, people.auditor]) {
    const res = await call(who, 'PATCH', '/api/stations/st-panlong', { name: 'Renamed' });
    t.equal(res.statusCode, 403, who.sub);
    t.equal(res.json().code, 'AUTH.FORBIDDEN');
  }
  t.equal((await app.inject('/api/stations/st-panlong')).json().name, 'Panlong Town Station', 'nothing changed');
});

t.test('directory writes › 400 names every bad field and writes nothing', async (t) => {
  const { call, store } = await testApp(t);
  const head = await store.headPosition();
  const bad = await call(people.admin, 'POST', '/api/stations', { ...fana, id: 'Bad Id', kind: 'office', name: '', colour: 'red' });
  t.equal(bad.statusCode, 400);
  t.equal(bad.headers['content-type'], problem);
  t.same(fields(bad), ['body:colour', 'body:id', 'body:kind', 'body:name']);
  const patch = await call(people.admin, 'PATCH', '/api/deputies/dep-li', { level: 'galactic', stationIds: 'st-panlong' });
  t.same(fields(patch), ['body:level', 'body:stationIds']);
  const unknownRefs = await call(people.admin, 'POST', '/api/deputies', {
    id: 'dep-hu', name: 'Hu Lan', level: 'township', stationIds: ['st-panlong', 'st-gone', 'st-lost'],
  });
  t.equal(unknownRefs.statusCode, 400);
  t.same(fields(unknownRefs), ['body:stationIds.1', 'body:stationIds.2'], 'stations must exist');
  const unknownArea = await call(people.admin, 'POST', '/api/stations', { ...fana, areaCode: '530000' });
  t.same(fields(unknownArea), ['body:areaCode'], 'the area must be registered');
  const nothing = await call(people.admin, 'PATCH', '/api/stations/st-panlong', { name: 'Panlong Town Station' });
  t.equal(nothing.statusCode, 400, 'an update that changes nothing');
  t.equal(nothing.json().code, 'COMMAND.INVALID');
  const longKey = await call(people.admin, 'POST', '/api/areas', { code: '520299', name: 'X' }, { 'idempotency-key': 'k'.repeat(129) });
  t.same(fields(longKey), ['header:idempotency-key'], 'at most 128 characters');
  const controlKey = await call(people.admin, 'POST', '/api/areas', { code: '520299', name: 'X' }, { 'idempotency-key': 'form\u0007 42' });
  t.same(fields(controlKey), ['header:idempotency-key'], 'printable ASCII only');
  t.equal(await store.headPosition(), head, 'the log is untouched');
});

t.test('directory writes › 409 for an id already registered, 404 for an update of nothing', async (t) => {
  const { call } = await testApp(t);
  const again = await call(people.admin, 'POST', '/api/stations', { ...fana, id: 'st-panlong' });
  t.equal(again.statusCode, 409);
  t.equal(again.headers['content-type'], problem);
  t.equal(again.json().code, 'DIRECTORY.ALREADY_EXISTS');
  t.equal((await call(people.admin, 'POST', '/api/areas', { code: '520221', name: 'Again' })).statusCode, 409);
  const missing = await call(people.admin, 'PATCH', '/api/deputies/dep-ghost', { name: 'Ghost', stationIds: ['st-nowhere'] });
  t.equal(missing.statusCode, 404, 'not found comes before the bad reference');
  t.equal(missing.json().code, 'DIRECTORY.NOT_FOUND');
});

t.test('directory writes › a retried Idempotency-Key answers the first result and writes nothing', async (t) => {
  const { call, store } = await testApp(t);
  const key = { 'idempotency-key': 'create-fana-1' };
  const first = await call(people.admin, 'POST', '/api/stations', fana, key);
  const head = await store.headPosition();
  const retry = await call(people.admin, 'POST', '/api/stations', fana, key);
  t.equal(retry.statusCode, 201);
  t.same([retry.json().revision, retry.json().position], [first.json().revision, first.json().position]);
  t.equal(await store.headPosition(), head);
  const other = await call({ sub: 'admin-2', role: 'admin' }, 'POST', '/api/stations', fana, key);
  t.equal(other.statusCode, 409, "another user's key is a different command");
});

t.test('PATCH with If-Match › 412 when the entry moved on, applied when it did not', async (t) => {
  const { call } = await testApp(t);
  await call(people.admin, 'PATCH', '/api/areas/520201', { name: 'Zhongshan' });
  const stale = await call(people.admin, 'PATCH', '/api/areas/520201', { name: 'Old view' }, { 'if-match': '"0"' });
  t.equal(stale.statusCode, 412);
  t.equal(stale.json().code, 'HTTP.PRECONDITION_FAILED');
  const current = await call(people.admin, 'PATCH', '/api/areas/520201', { name: 'Zhongshan District' }, { 'if-match': '"1"' });
  t.equal(current.statusCode, 200);
  t.equal(current.headers.etag, '"2"');
});
