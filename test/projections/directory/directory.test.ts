import type Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { openReadModelDb } from '../../../projections/db.js';
import {
  directoryProjection,
  directoryTables,
  getArea,
  getDeputy,
  getStation,
  listAreas,
  listDeputies,
  listStations,
} from '../../../projections/directory/index.js';
import { startProjection } from '../../../projections/runner.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { deputy, directoryWriter, station } from '../../support/directory-fixtures.js';

async function setup(t: Test) {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const db = openReadModelDb(':memory:');
  const runner = startProjection(db, store, directoryProjection);
  t.teardown(async () => {
    await runner.close();
    db.close();
    await store.close();
  });
  const write = directoryWriter(store);
  const settled = async () => t.ok(await runner.waitFor(await store.headPosition(), 2000), 'the read model caught up');
  return { store, db, runner, write, settled };
}

/** Two districts; Panlong town (two stations) lies in Shuicheng district. */
async function seed(write: ReturnType<typeof directoryWriter>) {
  await write.register('area', { code: '520221', name: 'Shuicheng District' });
  await write.register('area', { code: '520221104', name: 'Panlong Town' });
  await write.register('area', { code: '520201', name: 'Zhongshan District' });
  await write.register('station', station('st-panlong', '520221104', 'Panlong Town Station'));
  await write.register('station', station('st-fana', '520221104', 'Fana Village Room'));
  await write.register('station', station('st-hecheng', '520201', 'Hecheng Street Station'));
  await write.register('deputy', deputy('dep-li', ['st-fana', 'st-panlong'], 'Li Xianjian'));
  await write.register('deputy', deputy('dep-wen', ['st-fana'], 'Wen Youliang'));
  await write.register('deputy', deputy('dep-yue', ['st-hecheng'], 'Yue Hong'));
  await write.register('deputy', deputy('dep-nobody', [], 'Zhang Wu'));
}

const ids = (items: Array<{ id?: string; code?: string }>) => items.map((i) => i.id ?? i.code);

t.test('directory read model › lists stations by area-code prefix', async (t) => {
  const { db, write, settled } = await setup(t);
  await seed(write);
  await settled();
  t.same(ids(listAreas(db)), ['520201', '520221', '520221104']);
  t.same(ids(listAreas(db, { area: '520221' })), ['520221', '520221104']);
  t.same(ids(listStations(db)), ['st-hecheng', 'st-fana', 'st-panlong'], 'by area code, then name');
  t.same(ids(listStations(db, { area: '5202211' })), ['st-fana', 'st-panlong']);
  t.same(ids(listStations(db, { area: '520201' })), ['st-hecheng']);
  t.same(listStations(db, { area: '53' }), []);
  t.same(getStation(db, 'st-fana'), station('st-fana', '520221104', 'Fana Village Room'));
  t.same(getArea(db, '520221104'), { code: '520221104', name: 'Panlong Town' });
  t.equal(getStation(db, 'st-none'), undefined);
});

t.test('directory read model › lists deputies by station and by area of any of their stations', async (t) => {
  const { db, write, settled } = await setup(t);
  await seed(write);
  await settled();
  t.same(ids(listDeputies(db)), ['dep-li', 'dep-wen', 'dep-yue', 'dep-nobody'], 'by name');
  t.same(ids(listDeputies(db, { station: 'st-fana' })), ['dep-li', 'dep-wen']);
  t.same(ids(listDeputies(db, { station: 'st-panlong' })), ['dep-li']);
  t.same(ids(listDeputies(db, { area: '520221' })), ['dep-li', 'dep-wen']);
  t.same(ids(listDeputies(db, { area: '52' })), ['dep-li', 'dep-wen', 'dep-yue'], 'a deputy without stations is in no area');
  t.same(ids(listDeputies(db, { station: 'st-fana', area: '520201' })), [], 'both filters must hold');
  t.same(getDeputy(db, 'dep-li')?.stationIds, ['st-fana', 'st-panlong'], 'stations keep their order');
  t.equal(getDeputy(db, 'dep-none'), undefined);
});

t.test('directory read model › updates change only the fields they carry', async (t) => {
  const { db, write, settled } = await setup(t);
  await seed(write);
  await write.update('station', 'st-fana', { areaCode: '520201', receptionSchedule: 'Fridays' });
  await write.update('deputy', 'dep-wen', { stationIds: ['st-panlong'] });
  await write.update('deputy', 'dep-yue', { name: 'Yue Hongmei' });
  await write.update('area', '520201', { name: 'Zhongshan' });
  await settled();
  t.same(getStation(db, 'st-fana'), {
    ...station('st-fana', '520221104', 'Fana Village Room'),
    areaCode: '520201',
    receptionSchedule: 'Fridays',
  });
  t.same(getDeputy(db, 'dep-wen')?.stationIds, ['st-panlong'], 'a new station list replaces the old one');
  t.same(getDeputy(db, 'dep-yue'), { id: 'dep-yue', name: 'Yue Hongmei', level: 'township', stationIds: ['st-hecheng'] });
  t.same(ids(listDeputies(db, { area: '520201' })), ['dep-li', 'dep-yue'], 'Li follows the station into its new area');
  t.same(getArea(db, '520201'), { code: '520201', name: 'Zhongshan' });
});

const dump = (db: Database.Database) =>
  Object.fromEntries(
    Object.values(directoryTables).map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]),
  );

t.test('directory read model › a rebuild from scratch gives the same rows as the live model', async (t) => {
  const { store, db, write, settled } = await setup(t);
  await seed(write);
  await write.update('station', 'st-fana', { areaCode: '520201' });
  await write.update('deputy', 'dep-li', { stationIds: ['st-hecheng'], level: 'county' });
  await write.register('station', station('st-late', '520221'));
  await settled();
  const rebuilt = openReadModelDb(':memory:');
  const runner = startProjection(rebuilt, store, directoryProjection, { batchSize: 2 });
  t.ok(await runner.waitFor(await store.headPosition(), 2000));
  t.same(dump(rebuilt), dump(db));
  t.equal(dump(db)[directoryTables.deputyStations]?.length, 3, 'the comparison is not over empty tables');
  await runner.close();
  rebuilt.close();
});

t.test('directory read model › ignores events of other kinds', async (t) => {
  const { store, db, settled } = await setup(t);
  await store.appendToStream('area-999999', [{ id: crypto.randomUUID(), type: 'AreaRetired', data: { code: '999999' }, metadata: {} }]);
  await settled();
  t.same(listAreas(db), []);
});
