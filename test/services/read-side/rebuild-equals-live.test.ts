import type Database from 'better-sqlite3';
import fc from 'fast-check';
import t from 'tap';
import { openReadModelDb } from '../../../projections/db.js';
import { startProjection, type Projection } from '../../../projections/runner.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { generateHistory } from '../../../services/generator/index.js';
import { readSideProjections } from '../../../services/read-side/projections.js';

/**
 * Every row of every table a projection owns (its version's prefix), sorted,
 * as text. A full-text table is compared by its rows, not by the shadow
 * tables FTS5 keeps its index in: those depend on how the rows were batched.
 */
function tablesOf(db: Database.Database, projection: Projection): Record<string, string[]> {
  const prefix = `${projection.name.replaceAll('-', '_')}_v${projection.version}_`;
  const tables = db
    .prepare<[string], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE ? || '%' ORDER BY name`)
    .all(prefix);
  const virtual = tables.filter((table) => /^CREATE VIRTUAL TABLE/i.test(table.sql)).map((table) => table.name);
  const owned = tables.filter((table) => !virtual.some((name) => table.name.startsWith(`${name}_`)));
  return Object.fromEntries(owned.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row)).sort()]));
}

async function build(db: Database.Database, store: Parameters<typeof startProjection>[1], batchSize: number) {
  const runners = readSideProjections().map((projection) => startProjection(db, store, projection, { batchSize }));
  return {
    runners,
    async settle() {
      const head = await store.headPosition();
      for (const runner of runners) if (!(await runner.waitFor(head, 30_000))) throw new Error(`${runner.key} did not reach ${head}`);
    },
    close: () => Promise.all(runners.map((runner) => runner.close())),
  };
}

/**
 * The case read models built while a history is being written (events
 * arriving in whatever batches the moment gives) equal the same models
 * rebuilt from the finished log in batches of any size: over generated
 * histories of every kind — merges, reopenings, escalations, late replies.
 */
t.test('every case read model: a rebuild equals the model built live, over generated histories', async (t) => {
  await fc.assert(
    fc.asyncProperty(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 5, max: 40 }), async (seed, batchSize, cases) => {
      const store = await openSqliteEventStore({ path: ':memory:' });
      const liveDb = openReadModelDb(':memory:');
      const rebuiltDb = openReadModelDb(':memory:');
      try {
        const live = await build(liveDb, store, 500);
        await generateHistory(store, { cases, seed, concurrency: 8 });
        await live.settle();
        const rebuilt = await build(rebuiltDb, store, batchSize);
        await rebuilt.settle();
        for (const projection of readSideProjections()) {
          const [a, b] = [tablesOf(liveDb, projection), tablesOf(rebuiltDb, projection)];
          if (Object.keys(a).length === 0) throw new Error(`${projection.name} owns no tables under its prefix`);
          if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${projection.name}@${projection.version} differs after a rebuild (seed ${seed}, batch ${batchSize})`);
        }
        await Promise.all([live.close(), rebuilt.close()]);
      } finally {
        liveDb.close();
        rebuiltDb.close();
        await store.close();
      }
    }),
    { numRuns: 8 },
  );
  t.pass('8 generated histories rebuilt the same');
});

/**
 * A projection interrupted mid-batch — an event it cannot apply at that
 * moment, standing for a crash inside the transaction — rolls that batch
 * back and stops. Started again on the same database, it resumes from its
 * checkpoint: the result equals a build that was never interrupted, with
 * nothing lost and nothing counted twice.
 */
t.test('every case read model: stopped inside a batch and started again, it ends as if never stopped', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const cleanDb = openReadModelDb(':memory:');
  const crashedDb = openReadModelDb(':memory:');
  t.teardown(async () => {
    cleanDb.close();
    crashedDb.close();
    await store.close();
  });
  await generateHistory(store, { cases: 40, seed: 'crash', concurrency: 8 });
  const head = await store.headPosition();
  const clean = await build(cleanDb, store, 13);
  await clean.settle();
  await clean.close();

  for (const projection of readSideProjections()) {
    let seen = 0;
    const crashAt = 150;
    const crashing: Projection = {
      ...projection,
      evolve(db, event) {
        if (++seen === crashAt) throw new Error('the process died here');
        projection.evolve(db, event);
      },
    };
    const first = startProjection(crashedDb, store, crashing, { batchSize: 13 });
    await first.stopped;
    t.equal(first.state(), 'failed', `${projection.name} stopped inside a batch`);
    t.ok(first.position() > 0 && first.position() < head, 'with some batches committed before it');
    const again = startProjection(crashedDb, store, projection, { batchSize: 13 });
    t.equal(await again.waitFor(head, 30_000), true);
    await again.close();
    t.same(tablesOf(crashedDb, projection), tablesOf(cleanDb, projection), `${projection.name}: nothing lost, nothing counted twice`);
  }
});
