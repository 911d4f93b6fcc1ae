import t, { type Test } from 'tap';
import { HuiyinError } from '../../../contracts/errors.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { createDirectory, type CommandMeta } from '../../../services/directory/index.js';
import { deputy, directoryWriter, station } from '../../support/directory-fixtures.js';

let commands = 0;
const meta = (): CommandMeta => ({
  actor: { id: 'admin-1', role: 'admin' },
  occurredAt: '2026-06-13T09:00:00.000+08:00',
  commandId: `cmd-${++commands}`,
});

async function setup(t: Test, readModelsPath = ':memory:') {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const directory = await createDirectory({ store, readModelsPath });
  t.teardown(async () => {
    await directory.close();
    await store.close();
  });
  return { store, directory };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof HuiyinError ? error.code : String(error)),
  );

t.test('directory service › lookups read the stream; another process’s write shows within two seconds', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  let now = 1_000_000;
  const directory = await createDirectory({ store, readModelsPath: ':memory:', now: () => now });
  t.teardown(() => directory.close());
  const elsewhere = directoryWriter(store);
  await elsewhere.register('area', { code: '520221', name: 'Shuicheng' });
  await elsewhere.register('station', station('st-a', '520221'));
  await elsewhere.register('deputy', deputy('dep-a', ['st-a']));
  t.same(await directory.station('st-a'), station('st-a', '520221'));
  t.same(await directory.deputy('dep-a'), deputy('dep-a', ['st-a']));
  t.same(await directory.area('520221'), { code: '520221', name: 'Shuicheng' });
  await elsewhere.update('station', 'st-a', { name: 'Renamed' });
  t.equal((await directory.station('st-a'))?.name, 'Station st-a', 'a lookup just made may stand for two seconds');
  now += 2001;
  t.equal((await directory.station('st-a'))?.name, 'Renamed');
  t.equal(await directory.station('st-missing'), undefined);
  t.equal(await directory.station('NOT A VALID ID'), undefined, 'a malformed id is simply not there');
  t.same((await directory.get('station', 'st-a'))?.revision, 1);
});

t.test('directory service › lists wait for the read model to include history and own writes', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  const before = directoryWriter(store);
  await before.register('area', { code: '520201', name: 'Zhongshan' });
  const directory = await createDirectory({ store, readModelsPath: ':memory:' });
  t.teardown(() => directory.close());
  t.same(await directory.listAreas(), [{ code: '520201', name: 'Zhongshan' }], 'history from before the start');
  const written = await directory.register('station', station('st-b', '520201'), meta());
  t.same((await directory.listStations({ area: '5202' })).map((s) => s.id), ['st-b'], 'own write at once');
  t.ok(directory.readModel.position() >= written.position);
  t.same(await directory.listDeputies({ station: 'st-b' }), []);
});

t.test('directory service › refuses duplicates, unknown entries and dangling references', async (t) => {
  const { directory } = await setup(t);
  await directory.register('area', { code: '520221', name: 'Shuicheng' }, meta());
  t.equal(await codeOf(directory.register('area', { code: '520221', name: 'Again' }, meta())), 'DIRECTORY.ALREADY_EXISTS');
  t.equal(await codeOf(directory.update('area', '520299', { name: 'X' }, meta())), 'DIRECTORY.NOT_FOUND');
  t.equal(await codeOf(directory.update('area', 'bad', { name: 'X' }, meta())), 'DIRECTORY.NOT_FOUND');
  t.equal(await codeOf(directory.register('station', station('st-c', '530000'), meta())), 'COMMAND.INVALID');
  t.equal(await codeOf(directory.register('deputy', deputy('dep-c', ['st-c']), meta())), 'COMMAND.INVALID');
  await directory.register('station', station('st-c', '520221'), meta());
  t.equal(await codeOf(directory.register('deputy', deputy('dep-c', ['st-c']), meta())), 'ok');
  t.equal(await codeOf(directory.update('station', 'st-c', { areaCode: '530000' }, meta())), 'COMMAND.INVALID');
  t.equal(await codeOf(directory.history('deputy', 'dep-none')), 'DIRECTORY.NOT_FOUND');
  t.equal(await codeOf(directory.history('deputy', 'NOT VALID')), 'DIRECTORY.NOT_FOUND');
  t.same((await directory.history('deputy', 'dep-c')).map((e) => e.type), ['DeputyRegistered']);
});

t.test('directory service › a file-backed read model survives a restart', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  const path = `${t.testdir()}/models/read-models.sqlite`;
  const first = await createDirectory({ store, readModelsPath: path });
  await first.register('area', { code: '520221', name: 'Shuicheng' }, meta());
  const head = first.readModel.position();
  await first.close();
  await first.close();
  const second = await createDirectory({ store, readModelsPath: path });
  t.teardown(() => second.close());
  t.ok(second.readModel.position() >= head, 'the checkpoint was kept');
  t.same(await second.listAreas(), [{ code: '520221', name: 'Shuicheng' }]);
});
