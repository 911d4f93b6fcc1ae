import { randomUUID } from 'node:crypto';
import t from 'tap';
import { openReadModelDb } from '../../projections/db.js';
import { startProjection } from '../../projections/runner.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';

/**
 * A store with the whole log ready hands events over in microtasks. The
 * runner must still give the event loop back after every batch while it
 * catches up, or a rebuild at start would answer no request (nor let a
 * timer fire) until it was done.
 */
t.test('catching up, the runner gives the loop back after every batch', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const db = openReadModelDb(':memory:');
  t.teardown(async () => {
    db.close();
    await store.close();
  });
  const events = 20_000;
  for (let stream = 0; stream < events / 1_000; stream++) {
    const page = Array.from({ length: 1_000 }, (_, i) => ({ id: randomUUID(), type: 'Counted', data: { i }, metadata: {} }));
    await store.appendToStream(`tally-${stream}`, page);
  }
  let applied = 0;
  const runner = startProjection(
    db,
    store,
    { name: 'tally', version: 1, filter: { kind: 'category', categories: ['tally'] }, ddl: [], evolve: () => void applied++ },
    { catchUpBatchSize: 1_000, logId: 'test' },
  );
  // Each loop turn records how far the runner had got.
  const seenAt: number[] = [];
  const turn = () => {
    seenAt.push(applied);
    if (runner.state() === 'catching-up') setImmediate(turn);
  };
  setImmediate(turn);
  t.equal(await runner.caughtUp, true);
  await runner.close();
  t.equal(applied, events);
  const midway = new Set(seenAt.filter((n) => n > 0 && n < events));
  t.ok(midway.size >= events / 1_000 - 2, `the loop ran between batches (${midway.size} distinct points of ${events / 1_000} batches)`);
  t.ok([...midway].every((n) => n % 1_000 === 0), 'and only between them: a batch is applied in one go');
});
