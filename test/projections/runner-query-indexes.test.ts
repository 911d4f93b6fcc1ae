import type Database from 'better-sqlite3';
import t from 'tap';
import { openReadModelDb } from '../../projections/db.js';
import { startProjection, type Projection } from '../../projections/runner.js';
import { append, gated, memoryStore, recorder } from './projection-fixtures.js';

const indexesOf = (db: Database.Database, table: string) =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name NOT LIKE 'sqlite_%'`).pluck().all(table);

/** The recorder, with an index only its readers use. */
function withQueryIndex(): Projection {
  return { ...recorder('notes'), queryIndexes: ['CREATE INDEX IF NOT EXISTS notes_v1_by_position ON notes_v1_applied (position)'] };
}

t.test('query indexes › built from the start: made once caught up, and no read or listener is answered before', async (t) => {
  const base = await memoryStore(t);
  const head = await append(base, 'notes', 30);
  const gate = gated(base, ['notes']);
  const db = openReadModelDb(':memory:');
  t.teardown(() => db.close());
  // A read asked mid-rebuild for a position an earlier batch already reached.
  let lateRead: Promise<unknown[]> | undefined;
  const projection = withQueryIndex();
  const evolve = projection.evolve;
  projection.evolve = (db, event) => {
    evolve(db, event);
    if (event.position === 15) lateRead = runner.waitFor(5, 5_000).then(() => indexesOf(db, 'notes_v1_applied'));
  };
  const runner = startProjection(db, gate.store, projection, { batchSize: 10 });
  const told: number[] = [];
  runner.onAdvance((position) => told.push(position));
  const earlyRead = runner.waitFor(10, 5_000).then(() => indexesOf(db, 'notes_v1_applied'));
  t.same(indexesOf(db, 'notes_v1_applied'), [], 'none while it rebuilds');
  gate.release();
  t.equal(await runner.caughtUp, true);
  t.same(await earlyRead, ['notes_v1_by_position'], 'a read waiting for an early position is answered once the index is there');
  t.same(await lateRead, ['notes_v1_by_position'], 'and one asked for a position already passed waits for it too');
  t.equal(told[0], head, 'listeners are first told of the position it caught up at');
  await runner.close();
});

t.test('query indexes › a model resumed from a checkpoint makes them at once, and one already built keeps them', async (t) => {
  const store = await memoryStore(t);
  await append(store, 'notes', 5);
  const db = openReadModelDb(':memory:');
  t.teardown(() => db.close());
  const plain = startProjection(db, store, recorder('notes'));
  await plain.caughtUp;
  await plain.close();
  t.same(indexesOf(db, 'notes_v1_applied'), [], 'built without them (an older definition)');
  const resumed = startProjection(db, store, withQueryIndex());
  t.same(indexesOf(db, 'notes_v1_applied'), ['notes_v1_by_position'], 'made as it starts from its checkpoint');
  t.ok(await resumed.waitFor(await append(store, 'notes', 2), 2_000), 'and it goes on as before');
  await resumed.close();
});
