import t from 'tap';
import { openReadModelDb } from '../../projections/db.js';
import { ReadModels } from '../../projections/read-models.js';
import { startProjection } from '../../projections/runner.js';
import { lagOf } from '../../projections/status.js';
import { append, countIn, gated, memoryStore, recorder } from './projection-fixtures.js';

t.test('runner states › catching up until the head as it stood at start, then live, then stopped', async (t) => {
  const base = await memoryStore(t);
  const head = await append(base, 'notes', 5);
  const gate = gated(base, ['notes']);
  const db = openReadModelDb(':memory:');
  t.teardown(() => db.close());
  const runner = startProjection(db, gate.store, recorder('notes'));
  t.equal(runner.state(), 'catching-up');
  gate.release();
  t.equal(await runner.caughtUp, true, 'it reports when it first catches up');
  t.equal(runner.state(), 'live');
  t.equal(runner.position(), head);
  t.ok(await runner.waitFor(await append(base, 'notes', 2), 2_000));
  t.equal(runner.state(), 'live', 'live events keep it live');
  await runner.close();
  t.equal(runner.state(), 'stopped');
  t.equal(runner.failure(), undefined);
});

t.test('runner states › a projection that throws stops, names the event and the error; the others go on', async (t) => {
  const store = await memoryStore(t);
  await append(store, 'notes', 3);
  const poison = await append(store, 'notes', 1, 'Unreadable');
  const models = await ReadModels.open(store, ':memory:', { batchSize: 2, onError: () => {} });
  t.teardown(() => models.close());
  const failing = models.start(recorder('notes', 1, (event) => event.type === 'Unreadable'));
  const healthy = models.start({ ...recorder('other'), filter: { kind: 'category', categories: ['notes', 'other'] } });
  t.equal(await failing.caughtUp, false, 'it never catches up');
  t.equal(failing.state(), 'failed');
  const [stream] = (await store.readAll({ fromPosition: poison, maxCount: 1 })).map((e) => e.streamName);
  t.same(failing.failure(), { message: 'cannot apply Unreadable', event: { position: poison, stream, type: 'Unreadable' } });
  t.ok(failing.position() < poison, 'it does not advance past the event');
  t.equal(countIn(models.db, 'notes_v1_applied'), 2, 'the batch holding the event rolled back; the one before stays');
  t.equal(models.db.prepare('SELECT position FROM projection_checkpoints WHERE projection = ?').pluck().get('notes@1'), failing.position());

  t.equal(await healthy.caughtUp, true, 'the other projection, reading the same events, catches up');
  const later = await append(store, 'other', 2);
  t.ok(await healthy.waitFor(later, 2_000), 'and goes on with live events');
  t.equal(countIn(models.db, 'other_v1_applied'), 6);
  await t.rejects(models.read('notes', later), { code: 'READ_MODEL.FAILED' }, 'reads of the failed model answer 503');

  const statuses = await models.statuses();
  t.match(statuses.find((s) => s.name === 'notes'), {
    state: 'failed',
    lagEvents: 2,
    error: { message: 'cannot apply Unreadable', event: { position: poison, type: 'Unreadable' } },
  });
  t.match(statuses.find((s) => s.name === 'other'), { state: 'live', lagEvents: 0, lagMs: 0 });
  t.match(models.readiness(), { ready: true, catchingUp: [], failed: [{ projection: 'notes@1', message: 'cannot apply Unreadable' }] });
});

t.test('runner states › lag counts the events it reads after its position, and how old the oldest is', async (t) => {
  const store = await memoryStore(t);
  const first = await append(store, 'notes', 1);
  await append(store, 'other', 3);
  await append(store, 'notes', 2);
  const [oldest] = await store.readAll({ fromPosition: first, maxCount: 1 });
  const now = Date.parse(oldest!.recordedAt) + 60_000;
  const at = (position: number) => lagOf(store, { position: () => position, projection: recorder('notes') }, now);
  t.same(await at(0), { lagEvents: 3, lagMs: 60_000 }, 'events of other categories are not its lag');
  t.same((await at(first)).lagEvents, 2);
  t.same(await at(await store.headPosition()), { lagEvents: 0, lagMs: 0 });
  const { countAfter: _, ...uncounting } = store;
  const esdbLike = { ...uncounting, readAll: store.readAll.bind(store) };
  t.same((await lagOf(esdbLike as typeof store, { position: () => first, projection: recorder('notes') }, now)).lagEvents, null,
    'a store that cannot count says so');
  const closed = await memoryStore(t);
  await closed.close();
  t.same(await lagOf(closed, { position: () => 0, projection: recorder('notes') }), { lagEvents: null, lagMs: null });
});

t.test('runner states › readiness waits for every served model to catch up once, then stays', async (t) => {
  const base = await memoryStore(t);
  await append(base, 'slow', 3);
  const gate = gated(base, ['slow']);
  const models = await ReadModels.open(gate.store, ':memory:');
  t.teardown(() => models.close());
  const fast = models.start(recorder('fast'));
  const slow = models.start(recorder('slow'));
  t.ok(await fast.caughtUp);
  t.same(models.readiness(), { ready: false, catchingUp: ['slow@1'], failed: [] });
  t.match(await models.statuses(), [{ name: 'fast', state: 'live' }, { name: 'slow', state: 'catching-up', lagEvents: 3, serving: true }]);
  gate.release();
  t.ok(await slow.caughtUp);
  t.same(models.readiness(), { ready: true, catchingUp: [], failed: [] });
  await append(base, 'slow', 50);
  t.equal(models.readiness().ready, true, 'falling behind in normal running leaves it ready');
});
