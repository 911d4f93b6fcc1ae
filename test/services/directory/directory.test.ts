import t, { type Test } from 'tap';
import type { Actor } from '../../../contracts/actor.js';
import { HuiyinError } from '../../../contracts/errors.js';
import type { EventStore } from '../../../contracts/event-store.js';
import { ReadModels } from '../../../projections/read-models.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { createDirectory } from '../../../services/directory/index.js';

const admin: Actor = { id: 'admin-1', role: 'admin', name: 'Admin' };
const at = (now = '2026-06-13T01:00:00.000Z') => ({ now });

const station = (id: string, areaCode: string, name = `Station ${id}`) => ({
  id, name, kind: 'station', areaCode, address: `${name} address`, receptionSchedule: 'Mondays 9:00–12:00',
});
const deputy = (id: string, stationIds: string[]) => ({ id, name: `Deputy ${id}`, level: 'township', stationIds });
const roads = (areaCode: string, nameZh = '道路') => ({ areaCode, code: 'roads', nameZh, nameEn: 'Roads', defaultUrgency: 'urgent' });

/** A directory on its own read-model database, as one service instance has it. */
async function instance(t: Test, store: EventStore, options: { path?: string; now?: () => number } = {}) {
  const readModels = await ReadModels.open(store, options.path ?? ':memory:');
  t.teardown(() => readModels.close());
  return { readModels, directory: createDirectory({ store, readModels, now: options.now }) };
}

async function memoryStore(t: Test) {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  return store;
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof HuiyinError ? error.code : String(error)),
  );

t.test('directory service › lookups read the stream; another instance’s write shows within two seconds', async (t) => {
  const store = await memoryStore(t);
  let now = 1_000_000;
  const { directory } = await instance(t, store, { now: () => now });
  const { directory: elsewhere } = await instance(t, store);
  await elsewhere.register('area', { code: '520221', name: 'Shuicheng' }, admin, at());
  await elsewhere.register('station', station('st-a', '520221'), admin, at());
  await elsewhere.register('deputy', deputy('dep-a', ['st-a']), admin, at());
  t.same(await directory.station('st-a'), station('st-a', '520221'));
  t.same(await directory.deputy('dep-a'), deputy('dep-a', ['st-a']));
  t.same(await directory.area('520221'), { code: '520221', name: 'Shuicheng' });
  await elsewhere.update('station', 'st-a', { name: 'Renamed' }, admin, at());
  t.equal((await directory.station('st-a'))?.name, 'Station st-a', 'a lookup just made may stand for two seconds');
  now += 2001;
  t.equal((await directory.station('st-a'))?.name, 'Renamed');
  t.equal(await directory.station('st-missing'), undefined);
  t.equal(await directory.station('NOT A VALID ID'), undefined, 'a malformed id is simply not there');
  t.same((await directory.get('station', 'st-a'))?.revision, 1);
});

t.test('directory service › a category applies in its area and below; the narrowest wins; a miss is not final', async (t) => {
  const store = await memoryStore(t);
  let now = 1_000_000;
  const { directory } = await instance(t, store, { now: () => now });
  const { directory: elsewhere } = await instance(t, store);
  for (const code of ['520221', '520221104', '520201']) await directory.register('area', { code, name: `Area ${code}` }, admin, at());
  await directory.register('category', roads('520221', '区道路'), admin, at());
  t.match(await directory.categoryFor('520221104201', 'roads'), { id: '520221.roads', nameZh: '区道路' }, 'a village uses its district’s');
  t.equal(await directory.categoryFor('520201', 'roads'), undefined, 'another district has its own list');
  t.equal(await directory.categoryFor('520221', 'tea'), undefined);
  await elsewhere.register('category', roads('520221104', '镇道路'), admin, at());
  t.equal((await directory.categoryFor('520221104201', 'roads'))?.id, '520221.roads', 'a miss may stand for two seconds');
  now += 2001;
  t.equal((await directory.categoryFor('520221104201', 'roads'))?.id, '520221104.roads', 'then the town’s own shows');
  t.equal((await directory.categoryFor('520221', 'roads'))?.id, '520221.roads', 'the district keeps its own');
});

t.test('directory service › lists wait for the read model to include history and own writes', async (t) => {
  const store = await memoryStore(t);
  const { directory: before } = await instance(t, store);
  await before.register('area', { code: '520201', name: 'Zhongshan' }, admin, at());
  const { directory, readModels } = await instance(t, store);
  t.same(await directory.listAreas(), [{ code: '520201', name: 'Zhongshan' }], 'history from before the start');
  const written = await directory.register('station', station('st-b', '520201'), admin, at());
  t.equal(readModels.lastWrite, written.position, 'the write is noted for read-your-writes');
  t.same((await directory.listStations({ area: '5202' })).map((s) => s.id), ['st-b'], 'own write at once');
  t.same(await directory.listDeputies({ station: 'st-b' }), []);
  await directory.register('category', roads('520201'), admin, at());
  t.same((await directory.listCategories({ area: '520201' })).map((c) => c.id), ['520201.roads']);
});

t.test('directory service › refuses duplicates, unknown entries and dangling references', async (t) => {
  const { directory } = await instance(t, await memoryStore(t));
  await directory.register('area', { code: '520221', name: 'Shuicheng' }, admin, at());
  t.equal(await codeOf(directory.register('area', { code: '520221', name: 'Again' }, admin, at())), 'DIRECTORY.ALREADY_EXISTS');
  t.equal(await codeOf(directory.update('area', '520299', { name: 'X' }, admin, at())), 'DIRECTORY.NOT_FOUND');
  t.equal(await codeOf(directory.update('area', 'bad', { name: 'X' }, admin, at())), 'DIRECTORY.NOT_FOUND');
  t.equal(await codeOf(directory.register('station', station('st-c', '530000'), admin, at())), 'COMMAND.INVALID');
  t.equal(await codeOf(directory.register('deputy', deputy('dep-c', ['st-c']), admin, at())), 'COMMAND.INVALID');
  t.equal(await codeOf(directory.register('category', roads('530000'), admin, at())), 'COMMAND.INVALID');
  await directory.register('station', station('st-c', '520221'), admin, at());
  t.equal(await codeOf(directory.register('deputy', deputy('dep-c', ['st-c']), admin, at())), 'ok');
  t.equal(await codeOf(directory.update('station', 'st-c', { areaCode: '530000' }, admin, at())), 'COMMAND.INVALID');
  t.equal(await codeOf(directory.history('deputy', 'dep-none')), 'DIRECTORY.NOT_FOUND');
  t.equal(await codeOf(directory.history('deputy', 'NOT VALID')), 'DIRECTORY.NOT_FOUND');
  const history = await directory.history('deputy', 'dep-c');
  t.match(history, [{ type: 'DeputyRegistered', metadata: { actor: admin, occurredAt: '2026-06-13T01:00:00.000Z' } }]);
});

t.test('directory service › a file-backed read model keeps its checkpoint across a restart', async (t) => {
  const store = await memoryStore(t);
  const path = `${t.testdir()}/read-models.sqlite`;
  const first = await ReadModels.open(store, path);
  await createDirectory({ store, readModels: first }).register('area', { code: '520221', name: 'Shuicheng' }, admin, at());
  const head = await store.headPosition();
  await first.close();
  await first.close();
  const second = await ReadModels.open(store, path);
  t.teardown(() => second.close());
  const kept = second.db.prepare('SELECT max(position) FROM projection_checkpoints').pluck().get() as number;
  t.ok(kept >= head, `the checkpoint was kept (${kept} ≥ ${head}) before anything ran again`);
  t.same(await createDirectory({ store, readModels: second }).listAreas(), [{ code: '520221', name: 'Shuicheng' }]);
});
