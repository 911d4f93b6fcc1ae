import { randomUUID } from 'node:crypto';
import t from 'tap';
import { CommandInvalidError, HuiyinError, IllegalTransitionError, WrongExpectedRevisionError } from '../../../contracts/errors.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { caseWorkflows } from '../../../workflows/case/index.js';
import { WorkflowEngine } from '../../../workflows/engine/engine.js';
import { GENESIS_HASH, verifyChain } from '../../../workflows/engine/hash-chain.js';

import { at, caseEngine, command, setup, staff } from '../../support/engine-fixtures.js';

t.test('engine › writes the decided events with full metadata and a hash chain', async (t) => {
  const { store, engine } = await setup(t);
  const id = randomUUID();
  const receive = command(id, 'receive', { correlationId: 'corr-1' });
  const first = await engine.execute(receive);
  const second = await engine.execute(command(id, 'assign'));
  t.equal(first.revision, 0);
  t.equal(second.revision, 1);
  t.ok(second.position > first.position, 'log positions increase');
  const events = await store.readStream(`case-${id}`);
  t.same(events.map((e) => e.type), ['CaseReceived', 'CaseAssigned']);
  t.match(events[0]!.metadata, {
    commandId: receive.commandId,
    correlationId: 'corr-1',
    causationId: receive.commandId,
    actor: staff,
    occurredAt: '2026-06-13T01:00:00.000Z',
    workflow: { name: 'case', version: 2 },
    schemaVersion: 3,
    prevHash: GENESIS_HASH,
  });
  t.match(events[1]!.metadata, { workflow: { name: 'case', version: 2 }, schemaVersion: 1 }, 'each event says its own type’s shape version');
  t.equal(events[1]!.metadata.prevHash, events[0]!.metadata.hash, 'each event links to the one before');
  t.same(verifyChain(events), { ok: true, checked: 2 });
  t.equal(second.state.status, 'assigned');
  t.equal(at, '2026-06-13T09:00:00.000+08:00');
  t.equal((events[0]!.data as { receivedAt: string }).receivedAt, '2026-06-13T01:00:00.000Z', 'the envelope’s +08:00 time is stored in UTC, in metadata and data');
});

t.test('engine › a retried command returns its first result and writes nothing', async (t) => {
  const { store, engine } = await setup(t);
  const id = randomUUID();
  await engine.execute(command(id, 'receive'));
  const assign = command(id, 'assign');
  const first = await engine.execute(assign);
  const retry = await engine.execute({ ...assign, data: { deputyIds: ['someone-else'] } });
  t.same([retry.revision, retry.position, retry.replayed], [first.revision, first.position, true]);
  t.equal((await store.readStream(`case-${id}`)).length, 2);
  const fresh = caseEngine(store);
  const fromColdCache = await fresh.execute(assign);
  t.same([fromColdCache.revision, fromColdCache.replayed], [first.revision, true], 'also without the cache');
});

t.test('engine › two instances racing on one case: one conflict, reload, both land in order', async (t) => {
  const { store, counts } = await setup(t);
  const a = caseEngine(store);
  const b = caseEngine(store);
  const id = randomUUID();
  await a.execute(command(id, 'receive'));
  await b.load(`case-${id}`);
  const [noteA, noteB] = await Promise.all([a.execute(command(id, 'add-note')), b.execute(command(id, 'escalate'))]);
  t.same([noteA.revision, noteB.revision].sort(), [1, 2]);
  t.equal(counts.conflicts, 1, 'the loser met exactly one conflict');
  const events = await store.readStream(`case-${id}`);
  t.same(events.map((e) => e.revision), [0, 1, 2]);
  t.same(verifyChain(events), { ok: true, checked: 3 }, 'the retried event was re-chained onto the winner');
});

t.test('engine › the same command racing on two instances is written once', async (t) => {
  const { store } = await setup(t);
  const a = caseEngine(store);
  const b = caseEngine(store);
  const id = randomUUID();
  await a.execute(command(id, 'receive'));
  await b.load(`case-${id}`);
  const assign = command(id, 'assign');
  const [ra, rb] = await Promise.all([a.execute(assign), b.execute(assign)]);
  // Whether the engine finds the command id after a reload or the store
  // recognises the same event ids at the same revision, the answer is one.
  t.same([rb.revision, rb.position], [ra.revision, ra.position]);
  t.equal((await store.readStream(`case-${id}`)).length, 2);
});

t.test('engine › 20 concurrent commands on one case: no lost update, contiguous revisions', async (t) => {
  const { store, engine } = await setup(t);
  const id = randomUUID();
  await engine.execute(command(id, 'receive'));
  const results = await Promise.all(Array.from({ length: 20 }, () => engine.execute(command(id, 'add-note'))));
  t.same(results.map((r) => r.revision).sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i + 1));
  const events = await store.readStream(`case-${id}`);
  t.equal(events.length, 21);
  t.equal(results.at(-1)!.state.context.notes.length, 20);
});

t.test('engine › a pinned expected revision that moved on fails and writes nothing', async (t) => {
  const { store, engine, counts } = await setup(t);
  const id = randomUUID();
  await engine.execute(command(id, 'receive'));
  await engine.execute(command(id, 'add-note'));
  const stale = engine.execute(command(id, 'assign', { expectedRevision: 0 }));
  const conflict = await stale.catch((e: unknown) => e);
  t.type(conflict, WrongExpectedRevisionError);
  t.match(conflict, { expected: 0, actual: 1 });
  const appendsBefore = counts.appends;
  const current = await engine.execute(command(id, 'assign', { expectedRevision: 1 }));
  t.equal(current.revision, 2);
  t.equal(counts.appends, appendsBefore + 1);
  t.equal((await store.readStream(`case-${id}`)).length, 3);
});

t.test('engine › bad input is a typed error and changes nothing', async (t) => {
  const { store, engine } = await setup(t);
  const id = randomUUID();
  await engine.execute(command(id, 'receive'));
  const head = await store.headPosition();
  const empty = await engine.execute(command('', 'receive')).catch((e: unknown) => e);
  t.type(empty, CommandInvalidError);
  t.same((empty as CommandInvalidError).issues.map((i) => i.path), ['streamId']);
  const many = await engine
    .execute({ ...command('', 'resolve'), actor: { id: '', role: 'mayor' }, data: { outcome: 'maybe' } } as never)
    .catch((e: unknown) => e);
  t.same(
    (many as CommandInvalidError).issues.map((i) => i.path).sort(),
    ['actor.id', 'actor.role', 'data.outcome', 'data.summary', 'streamId'],
    'one answer names every bad field, envelope and data alike',
  );
  await t.rejects(engine.execute(command(id, 'fly' as never)), { code: 'COMMAND.UNKNOWN' });
  await t.rejects(engine.execute(command(id, 'close')), { code: 'WORKFLOW.ILLEGAL_TRANSITION', status: 'received' });
  await t.rejects(engine.execute(command(id, 'close')), IllegalTransitionError);
  // The status is asked before the data: detaching from a case that does not exist is no transition at all.
  await t.rejects(engine.execute(command(randomUUID(), 'detach')), { code: 'WORKFLOW.ILLEGAL_TRANSITION', status: 'new' });
  t.equal(await store.headPosition(), head);
});

t.test('engine › gives up with a typed error when conflicts never stop', async (t) => {
  const raw = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => raw.close());
  const id = randomUUID();
  const engine = new WorkflowEngine(raw, caseWorkflows, { maxConflictRetries: 2 });
  await engine.execute(command(id, 'receive'));
  // Another writer appends right before every append of ours.
  const meddling = {
    ...raw,
    readStream: raw.readStream.bind(raw),
    appendToStream: async (...args: Parameters<typeof raw.appendToStream>) => {
      await raw.appendToStream(args[0], [{ id: randomUUID(), type: 'Unrelated', data: {}, metadata: {} }]);
      return raw.appendToStream(...args);
    },
  };
  const contested = new WorkflowEngine(meddling as typeof raw, caseWorkflows, { maxConflictRetries: 2 });
  const error = await contested.execute(command(id, 'add-note')).catch((e: unknown) => e);
  t.type(error, HuiyinError);
  t.equal((error as HuiyinError).code, 'ENGINE.TOO_MANY_CONFLICTS');
});

t.test('engine › the rights authorize answered come back with the result, and not on a replay', async (t) => {
  const { engine } = await setup(t);
  const id = randomUUID();
  await engine.execute(command(id, 'receive'));
  const seen: string[] = [];
  const authorize = (stream: { status: string }) => {
    seen.push(stream.status);
    return { may: ['assign'], status: stream.status };
  };
  const assign = command(id, 'assign');
  const result = await engine.execute(assign, { authorize });
  t.same(result.rights, { may: ['assign'], status: 'received' }, 'asked on the state the command was decided on');
  t.same(seen, ['received'], 'asked once');
  const replay = await engine.execute(assign, { authorize });
  t.same([replay.replayed, replay.rights], [true, undefined]);
});

t.test('engine › a workflow definition alone runs as its only version', async (t) => {
  const { store } = await setup(t);
  const v1Only = new WorkflowEngine(store, caseWorkflows.versions.get(1)!);
  t.same([v1Only.workflow.latest, [...v1Only.workflow.versions.keys()]], [1, [1]]);
  const id = randomUUID();
  const received = await v1Only.execute(command(id, 'receive'));
  t.match(received.events[0]?.metadata, { workflow: { name: 'case', version: 1 } });
  const later = await caseEngine(store).execute(command(id, 'add-note'));
  t.equal(later.state.definition.version, 1, 'an engine over both versions reads it as v1');
});
