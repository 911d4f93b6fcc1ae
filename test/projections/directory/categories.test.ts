import t, { type Test } from 'tap';
import { randomUUID } from 'node:crypto';
import { openReadModelDb } from '../../../projections/db.js';
import { directoryProjection, listCategories } from '../../../projections/directory/index.js';
import { startProjection } from '../../../projections/runner.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { directoryWorkflows } from '../../../workflows/directory/index.js';
import { WorkflowEngine } from '../../../workflows/engine/engine.js';

async function setup(t: Test) {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const db = openReadModelDb(':memory:');
  const runner = startProjection(db, store, directoryProjection);
  t.teardown(async () => {
    await runner.close();
    db.close();
    await store.close();
  });
  const engine = new WorkflowEngine(store, directoryWorkflows.category);
  const envelope = (streamId: string, type: string, data: object) => ({
    streamId, type, data, commandId: randomUUID(), actor: { id: 'admin-1', role: 'admin' as const }, occurredAt: '2026-06-01T01:00:00.000Z',
  });
  const register = (areaCode: string, code: string, nameZh: string, defaultUrgency = 'normal') => {
    const id = `${areaCode}.${code}`;
    return engine.execute(envelope(id, 'register', { id, areaCode, code, nameZh, nameEn: code, defaultUrgency }));
  };
  const update = (id: string, change: object) => engine.execute(envelope(id, 'update', change));
  const settled = async () => t.ok(await runner.waitFor(await store.headPosition(), 2000), 'the read model caught up');
  return { db, register, update, settled };
}

t.test('directory read model › categories › an area offers its own and those of the areas above it', async (t) => {
  const { db, register, settled } = await setup(t);
  await register('520221', 'roads', '道路与排水', 'urgent');
  await register('520221', 'water', '供水', 'urgent');
  await register('520221104', 'tea', '茶产业');
  await register('520201', 'parking', '停车');
  await settled();
  const codes = (area?: string) => listCategories(db, area === undefined ? {} : { area }).map((c) => `${c.areaCode}.${c.code}`);
  t.same(codes('520221104201'), ['520221104.tea', '520221.roads', '520221.water'], 'narrowest area first');
  t.same(codes('520221'), ['520221.roads', '520221.water'], 'a township list is not offered to the district');
  t.same(codes('520201003'), ['520201.parking'], 'another district has its own list');
  t.equal(codes().length, 4, 'without an area: every category');
  t.match(listCategories(db, { area: '520221' })[0], { nameZh: '道路与排水', defaultUrgency: 'urgent' });
});

t.test('directory read model › categories › a narrower area redefines a code, and updates apply', async (t) => {
  const { db, register, update, settled } = await setup(t);
  await register('520221', 'roads', '道路与排水', 'urgent');
  await register('520221104', 'roads', '镇村道路', 'normal');
  await update('520221.roads', { nameEn: 'Roads and drains' });
  await settled();
  t.match(listCategories(db, { area: '520221104' }), [{ id: '520221104.roads', nameZh: '镇村道路' }], 'offered once, as the town defines it');
  t.match(listCategories(db, { area: '520221' }), [{ id: '520221.roads', nameEn: 'Roads and drains', nameZh: '道路与排水' }]);
});
