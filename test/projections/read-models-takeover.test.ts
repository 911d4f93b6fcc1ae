import type Database from 'better-sqlite3';
import t from 'tap';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { ReadModels } from '../../projections/read-models.js';
import type { Projection } from '../../projections/runner.js';
import { ownedObjects } from '../../projections/tables.js';
import { append, gated, memoryStore, tablesIn } from './projection-fixtures.js';

/** v1 keeps a count per category; v2 keeps every event, with a view over it: different tables, one name. */
const v1: Projection = {
  name: 'notes',
  version: 1,
  filter: { kind: 'category', categories: ['notes'] },
  ddl: ['CREATE TABLE IF NOT EXISTS notes_v1_total (id INTEGER PRIMARY KEY CHECK (id = 1), events INTEGER NOT NULL)'],
  evolve(db) {
    db.prepare('INSERT INTO notes_v1_total (id, events) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET events = events + 1').run();
  },
};
const v2: Projection = {
  name: 'notes',
  version: 2,
  filter: { kind: 'category', categories: ['notes'] },
  ddl: [
    'CREATE TABLE IF NOT EXISTS notes_v2_events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL)',
    'CREATE VIEW IF NOT EXISTS notes_v2_streams AS SELECT DISTINCT stream FROM notes_v2_events',
  ],
  evolve(db: Database.Database, event: RecordedEvent) {
    db.prepare('INSERT INTO notes_v2_events (position, stream) VALUES (?, ?)').run(event.position, event.streamName);
  },
  previous: v1,
};
/** What a route knowing both versions answers: the count, from whichever tables serve. */
const countOf = async (models: ReadModels) => {
  const served = await models.readServed('notes');
  const sql = served.version === 1 ? 'SELECT events FROM notes_v1_total' : 'SELECT count(*) FROM notes_v2_events';
  return { version: served.version, events: served.db.prepare(sql).pluck().get() };
};

t.test('takeover › v2 builds beside v1, which serves reads until v2 has caught up; then v1 is dropped', async (t) => {
  const base = await memoryStore(t);
  const path = `${t.testdir()}/read-models.sqlite`;
  await append(base, 'notes', 4);
  const first = await ReadModels.open(base, path);
  t.ok(await first.start(v1).caughtUp);
  await first.close();

  const later = await append(base, 'notes', 2);
  // Only v2's own subscription is held: it starts from 0 while v1 resumes from its checkpoint.
  let subscriptions = 0;
  const gate = gated(base, ['notes']);
  const store = { ...gate.store, subscribeToAll: (o: Parameters<typeof base.subscribeToAll>[0]) =>
    (o?.fromPosition === 0 && subscriptions++ === 0 ? gate.store : base).subscribeToAll(o) };
  const takeovers: string[][] = [];
  const models = await ReadModels.open(store, path, { takeoverGraceMs: 0, onTakeover: (from, to) => takeovers.push([from, to]) });
  t.teardown(() => models.close());
  const building = models.start(v2);
  t.equal(building.key, 'notes@2', 'start hands back the new version’s runner');
  t.ok(await models.runner('notes')!.waitFor(later, 2_000));
  t.same(await countOf(models), { version: 1, events: 6 }, 'while v2 catches up, v1 answers, live events included');
  t.match(await models.statuses(), [
    { name: 'notes', version: 1, state: 'live', serving: true },
    { name: 'notes', version: 2, state: 'catching-up', serving: false, position: 0, lagEvents: 6 },
  ]);
  t.same(models.readiness(), { ready: true, catchingUp: [], failed: [] }, 'a version building beside a served one keeps no one waiting');

  gate.release();
  await models.settled('notes');
  t.same(takeovers, [['notes@1', 'notes@2']]);
  t.same(await countOf(models), { version: 2, events: 6 }, 'v2 answers once caught up');
  t.same(tablesIn(models.db).filter((name) => name.startsWith('notes')), ['notes_v2_events'], 'v1’s table is gone');
  t.same(models.db.prepare('SELECT projection FROM projection_checkpoints').pluck().all(), ['notes@2'], 'and its checkpoint');
  t.match(await models.statuses(), [{ version: 2, state: 'live', serving: true, lagEvents: 0 }]);
  await append(base, 'notes', 1);
  t.ok(await building.waitFor(await base.headPosition(), 2_000));
  t.same((await countOf(models)).events, 7, 'v2 goes on live');
  await models.close();

  const again = await ReadModels.open(base, path, { takeoverGraceMs: 0 });
  t.teardown(() => again.close());
  again.start(v2);
  t.same(await countOf(again), { version: 2, events: 7 }, 'after a restart v2 serves at once: v1 is no longer built');
  t.equal((await again.statuses()).length, 1);
});

t.test('takeover › a new version that fails while building leaves the old one serving', async (t) => {
  const store = await memoryStore(t);
  await append(store, 'notes', 3);
  const models = await ReadModels.open(store, ':memory:', { takeoverGraceMs: 0 });
  t.teardown(() => models.close());
  t.ok(await models.start(v1).caughtUp);
  const broken = models.start({ ...v2, evolve: () => { throw new Error('no such column'); } });
  t.equal(await broken.caughtUp, false);
  await models.settled('notes');
  t.same(await countOf(models), { version: 1, events: 3 });
  t.match(await models.statuses(), [{ version: 1, serving: true, state: 'live' }, { version: 2, serving: false, state: 'failed', error: { message: 'no such column' } }]);
  t.match(models.readiness(), { ready: true, failed: [{ projection: 'notes@2' }] });
});

t.test('takeover › a projection owns the tables it declares, else those its DDL creates', async (t) => {
  t.same(ownedObjects(v2), [{ kind: 'table', name: 'notes_v2_events' }, { kind: 'view', name: 'notes_v2_streams' }]);
  const fts = { ...v1, ddl: ['CREATE VIRTUAL TABLE IF NOT EXISTS search_v1 USING fts5(body);\nCREATE TABLE "cases_v1"(id)'] };
  t.same(ownedObjects(fts).map((o) => o.name), ['search_v1', 'cases_v1']);
  t.same(ownedObjects({ ...v2, tables: ['notes_v2_events', 'notes_v2_extra'] }), [
    { kind: 'table', name: 'notes_v2_events' },
    { kind: 'table', name: 'notes_v2_extra' },
  ]);
});
