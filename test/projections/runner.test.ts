import type Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import type { EventStore, RecordedEvent } from '../../contracts/event-store.js';
import { openReadModelDb } from '../../projections/db.js';
import { startProjection, type Projection } from '../../projections/runner.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';

/** Counts how often each event was applied: anything but 1 is a bug. */
function tally(version = 1, failOn?: (event: RecordedEvent) => boolean): Projection {
  const table = `tally_v${version}_applied`;
  return {
    name: 'tally',
    version,
    filter: { kind: 'category', categories: ['tally'] },
    ddl: [`CREATE TABLE IF NOT EXISTS ${table} (event_id TEXT PRIMARY KEY, times INTEGER NOT NULL)`],
    evolve(db, event) {
      if (failOn?.(event)) throw new Error(`evolve failed on ${event.streamName}@${event.revision}`);
      db.prepare(
        `INSERT INTO ${table} (event_id, times) VALUES (?, 1) ON CONFLICT (event_id) DO UPDATE SET times = times + 1`,
      ).run(event.id);
    },
  };
}

const applied = (db: Database.Database, version = 1) =>
  db.prepare(`SELECT times, count(*) AS events FROM tally_v${version}_applied GROUP BY times`).all();
const checkpointOf = (db: Database.Database, key: string) =>
  db.prepare('SELECT position FROM projection_checkpoints WHERE projection = ?').pluck().get(key);

async function append(store: EventStore, category: string, count: number): Promise<number> {
  let position = 0;
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    position = (await store.appendToStream(`${category}-${id}`, [{ id, type: 'Counted', data: { i }, metadata: {} }])).position;
  }
  return position;
}

async function setup(t: Test) {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  return store;
}

t.test('projection runner › applies history and live events once each, checkpoint included', async (t) => {
  const store = await setup(t);
  await append(store, 'tally', 7);
  await append(store, 'other', 3);
  const db = openReadModelDb(':memory:');
  const runner = startProjection(db, store, tally(), { batchSize: 3 });
  t.ok(await runner.waitFor(await store.headPosition(), 2000));
  t.same(applied(db), [{ times: 1, events: 7 }]);
  t.equal(runner.position(), await store.headPosition(), 'caught-up moves the checkpoint past events it skipped');
  const live = await append(store, 'tally', 2);
  t.ok(await runner.waitFor(live, 2000), 'live events arrive');
  t.same(applied(db), [{ times: 1, events: 9 }]);
  t.equal(checkpointOf(db, 'tally@1'), live, 'the checkpoint row follows the rows');
  await runner.close();
  db.close();
});

t.test('projection runner › a crash inside a batch leaves neither its rows nor its checkpoint', async (t) => {
  const store = await setup(t);
  await append(store, 'tally', 10);
  const events = await store.readAll();
  const path = `${t.testdir()}/read-models.sqlite`;
  const db = openReadModelDb(path);
  const errors: unknown[] = [];
  const crashing = startProjection(db, store, tally(1, (e) => e.position === events[6]!.position), {
    batchSize: 4,
    onError: (error) => errors.push(error),
  });
  t.match(String(await crashing.stopped), /evolve failed/);
  t.equal(errors.length, 1);
  await t.rejects(crashing.waitFor(events[9]!.position), /evolve failed/, 'waiting on a failed projection fails');
  t.same(applied(db), [{ times: 1, events: 4 }], 'the first batch of four committed; the second rolled back whole');
  t.equal(checkpointOf(db, 'tally@1'), events[3]!.position);
  db.close();

  const reopened = openReadModelDb(path);
  const runner = startProjection(reopened, store, tally());
  t.ok(await runner.waitFor(events[9]!.position, 2000));
  t.same(applied(reopened), [{ times: 1, events: 10 }], 'after restart every event is applied exactly once');
  await runner.close();
  reopened.close();
});

t.test('projection runner › resumes from its checkpoint after a restart', async (t) => {
  const store = await setup(t);
  const path = `${t.testdir()}/read-models.sqlite`;
  const first = openReadModelDb(path);
  const runner = startProjection(first, store, tally());
  t.ok(await runner.waitFor(await append(store, 'tally', 5), 2000));
  await runner.close();
  first.close();
  const later = await append(store, 'tally', 4);
  const second = openReadModelDb(path);
  const resumed = startProjection(second, store, tally());
  t.equal(resumed.position(), later - 4, 'it starts where it stopped');
  t.ok(await resumed.waitFor(later, 2000));
  t.same(applied(second), [{ times: 1, events: 9 }]);
  await resumed.close();
  second.close();
});

t.test('projection runner › a new version rebuilds beside the old one', async (t) => {
  const store = await setup(t);
  const head = await append(store, 'tally', 3);
  const db = openReadModelDb(':memory:');
  const v1 = startProjection(db, store, tally(1));
  t.ok(await v1.waitFor(head, 2000));
  const v2 = startProjection(db, store, tally(2));
  t.ok(await v2.waitFor(head, 2000));
  t.same([applied(db, 1), applied(db, 2)], [[{ times: 1, events: 3 }], [{ times: 1, events: 3 }]]);
  t.same([v1.key, v2.key], ['tally@1', 'tally@2']);
  await Promise.all([v1.close(), v2.close()]);
  db.close();
});

t.test('projection runner › waitFor', async (t) => {
  const store = await setup(t);
  const db = openReadModelDb(':memory:');
  const runner = startProjection(db, store, tally());
  t.teardown(async () => {
    await runner.close();
    db.close();
  });
  const mine = await append(store, 'tally', 1);
  t.equal(await runner.waitFor(mine, 2000), true, 'resolves once the write is applied');
  t.equal(await runner.waitFor(mine - 1, 0), true, 'a position already passed answers at once');
  const elsewhere = await append(store, 'other', 1);
  t.equal(await runner.waitFor(elsewhere, 2000), true, 'a live event the filter skips still counts as reached');
  t.ok(runner.position() >= elsewhere);
  t.equal(await runner.waitFor(elsewhere + 1000, 50), false, 'a position the log has not reached times out');
  const pending = runner.waitFor(elsewhere + 2000, 10_000);
  await runner.close();
  t.equal(await pending, false, 'closing releases whoever waits');
  t.equal(await runner.waitFor(elsewhere + 3000), false, 'a closed runner answers at once');
});

t.test('projection runner › checkpoints name their log, and one of another log stops the runner', async (t) => {
  const store = await setup(t);
  const head = await append(store, 'tally', 2);
  const db = openReadModelDb(':memory:');
  const first = startProjection(db, store, tally());
  t.ok(await first.waitFor(head, 2000));
  await first.close();
  const logOf = () => db.prepare('SELECT log_id FROM projection_checkpoints WHERE projection = ?').pluck().get('tally@1');
  t.equal(logOf(), await store.logId(), 'the checkpoint names the log it counts in');

  const other = await setup(t);
  const errors: unknown[] = [];
  const elsewhere = startProjection(db, other, tally(), { onError: (error) => errors.push(error) });
  t.match(String(await elsewhere.stopped), /tally@1 was built from another event log/, 'positions of one log mean nothing in another');
  t.equal(errors.length, 1);
  t.same(applied(db), [{ times: 1, events: 2 }], 'nothing of the other log was applied');
  db.close();
});

t.test('projection runner › waitFor a skipped position behind an event of its own still to be applied', async (t) => {
  const base = await setup(t);
  // A subscription that can be held back at will, after the runner went live.
  let held: Promise<void> = Promise.resolve();
  let letGo = () => {};
  const holding: EventStore = {
    ...base,
    appendToStream: (...args) => base.appendToStream(...args),
    readStream: (...args) => base.readStream(...args),
    readAll: (...args) => base.readAll(...args),
    headPosition: () => base.headPosition(),
    logId: () => base.logId(),
    close: () => base.close(),
    subscribeToAll(options) {
      const inner = base.subscribeToAll(options);
      const iterator = inner[Symbol.asyncIterator]();
      return { close: () => inner.close(), [Symbol.asyncIterator]: () => ({ next: async () => (await held, iterator.next()) }) };
    },
  };
  const db = openReadModelDb(':memory:');
  const runner = startProjection(db, holding, tally());
  t.teardown(async () => {
    letGo();
    await runner.close();
    db.close();
  });
  await runner.caughtUp;
  held = new Promise((resolve) => (letGo = resolve));
  // Ours, then another stream's: the subscription will deliver the first and never the second.
  await append(base, 'tally', 1);
  const elsewhere = await append(base, 'other', 1);
  const waiting = runner.waitFor(elsewhere, 2000);
  await new Promise((resolve) => setTimeout(resolve, 50));
  letGo();
  t.equal(await waiting, true, 'reached once our event is applied and nothing else of ours lies before the target');
});
