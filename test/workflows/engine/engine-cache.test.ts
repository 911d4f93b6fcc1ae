import { randomUUID } from 'node:crypto';
import t from 'tap';
import { HuiyinError, IllegalTransitionError } from '../../../contracts/errors.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { observed } from '../../support/observed-store.js';

import { caseEngine, command, setup } from '../../support/engine-fixtures.js';

t.test('engine › a warm cache reads only the events it has not seen', async (t) => {
  const { store, engine, counts } = await setup(t);
  const id = randomUUID();
  await engine.execute(command(id, 'receive'));
  for (let i = 0; i < 19; i++) await engine.execute(command(id, 'add-note'));
  counts.eventsRead = 0;
  await engine.execute(command(id, 'add-note'));
  t.equal(counts.eventsRead, 0, 'nothing re-read for a case this instance wrote');
  const other = caseEngine(store);
  await other.execute(command(id, 'escalate'));
  counts.eventsRead = 0;
  const result = await engine.execute(command(id, 'add-note'));
  t.equal(counts.eventsRead, 1, 'only the other instance’s one event');
  t.equal(result.revision, 22);
});

t.test('engine › a stale cache never turns down a command the case now allows', async (t) => {
  const { store } = await setup(t);
  const a = caseEngine(store);
  const b = caseEngine(store);
  const id = randomUUID();
  await a.execute(command(id, 'receive'));
  await b.execute(command(id, 'assign'));
  await b.execute(command(id, 'acknowledge'));
  const resolved = await a.execute(command(id, 'resolve'));
  t.equal(resolved.state.status, 'resolved', 'A re-read the case before judging the command');
  const pinned = await a.execute(command(id, 'give-feedback', { expectedRevision: 3 }));
  t.equal(pinned.revision, 4);
  await b.execute(command(id, 'add-note'));
  const current = await a.execute(command(id, 'add-note', { expectedRevision: 5 }));
  t.equal(current.revision, 6, 'a pinned revision newer than the cache is checked against the store');
});

t.test('engine › a stream said to be new is not read; if it exists after all, the store says so', async (t) => {
  const { engine, counts } = await setup(t);
  const id = randomUUID();
  counts.streamReads = 0;
  const first = await engine.execute(command(id, 'receive'), { newStream: true });
  t.equal(counts.streamReads, 0, 'nothing read for a fresh id');
  t.equal(first.revision, 0);
  const other = caseEngine(engine.store);
  const clash = await other.execute(command(id, 'receive'), { newStream: true }).catch((e: unknown) => e);
  t.type(clash, IllegalTransitionError, 'the existing case was read after the conflict and the receipt refused');
});

t.test('engine › load with maxAgeMs answers from the cache only while it is that fresh', async (t) => {
  const raw = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => raw.close());
  const { store, counts } = observed(raw);
  let now = 1_000_000;
  const engine = caseEngine(store, { now: () => now });
  const other = caseEngine(store);
  const id = randomUUID();
  await engine.execute(command(id, 'receive'));
  await other.execute(command(id, 'add-note'));
  counts.streamReads = 0;
  const recent = await engine.load(`case-${id}`, { maxAgeMs: 2000 });
  t.equal(recent.revision, 0, 'within two seconds of its own write, the cached state stands');
  t.equal(counts.streamReads, 0);
  now += 2001;
  const later = await engine.load(`case-${id}`, { maxAgeMs: 2000 });
  t.equal(later.revision, 1, 'after that the store is asked and the other write seen');
  t.equal(counts.streamReads, 1);
});

t.test('engine › authorize runs on the state decided on, and again after every reload', async (t) => {
  const { store, counts } = await setup(t);
  const a = caseEngine(store);
  const b = caseEngine(store);
  const id = randomUUID();
  await a.execute(command(id, 'receive'));
  await a.execute(command(id, 'assign'));
  await b.execute(command(id, 'reassign'));
  const seen: string[][] = [];
  const onlyWen = (stream: { context: { deputyIds: string[] } }) => {
    const { deputyIds } = stream.context;
    seen.push(deputyIds);
    if (!deputyIds.includes('dep-wen') || deputyIds.includes('dep-li')) throw new HuiyinError('AUTH.FORBIDDEN', 'not assigned');
  };
  const result = await a.execute(command(id, 'acknowledge'), { authorize: onlyWen });
  t.equal(result.revision, 3);
  t.same(seen, [['dep-li', 'dep-wen'], ['dep-wen']], 'refused on the stale state, granted on the current one');
  const head = await store.headPosition();
  counts.appends = 0;
  const denied = await a.execute(command(id, 'add-note'), { authorize: () => { throw new HuiyinError('AUTH.FORBIDDEN', 'no'); } }).catch((e: unknown) => e);
  t.match(denied, { code: 'AUTH.FORBIDDEN' });
  t.equal(counts.appends, 0);
  t.equal(await store.headPosition(), head);
});
