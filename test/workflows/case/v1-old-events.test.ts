import t, { type Test } from 'tap';
import { IllegalTransitionError } from '../../../contracts/errors.js';
import { verifyChain } from '../../../workflows/engine/hash-chain.js';
import { caseEngine, command, openStore, staff, supervisor } from '../../support/engine-fixtures.js';
import { stationEvents } from '../../contracts/fixtures/old-events.js';

/**
 * A store holding cases the pre-refactor service wrote (see
 * test/contracts/case/old-events.ts), continued by today's engine, whose
 * new cases are v2: the old ones must go on under v1.
 */
async function storeWithOldCases(t: Test) {
  const { store } = await openStore(t);
  for (const streamName of new Set(stationEvents.map((e) => e.streamName))) {
    const events = stationEvents.filter((e) => e.streamName === streamName);
    await store.appendToStream(
      streamName,
      events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
      { expectedRevision: 'no_stream' },
    );
  }
  return { store, engine: caseEngine(store) };
}

t.test('old v1 cases › staff close the in-flight case after its poor follow-up, and the chain runs on', async (t) => {
  const { store, engine } = await storeWithOldCases(t);
  const closed = await engine.execute(command('old-well-water', 'close', { actor: staff, data: { summary: '按 v1 规则归档' } }));
  t.same([closed.revision, closed.state.status, closed.state.definition.version], [15, 'closed', 1]);
  t.match(closed.events[0]?.metadata, { workflow: { name: 'case', version: 1 }, schemaVersion: 2 });
  const events = await store.readStream('case-old-well-water');
  t.equal(events[15]?.metadata.prevHash, events[14]?.metadata.hash, 'the new event links to the last old one');
  t.same(verifyChain(events), { ok: true, checked: 16 });
});

t.test('old v1 cases › a closed one is escalated and reopened as v1 had it', async (t) => {
  const { engine } = await storeWithOldCases(t);
  const escalated = await engine.execute(command('old-land-dispute', 'escalate', { actor: supervisor }));
  t.same(escalated.events.map((e) => e.type), ['CaseEscalated']);
  t.equal(escalated.state.status, 'closed');
  const reopened = await engine.execute(command('old-land-dispute', 'reopen'));
  t.equal(reopened.events[0]?.data.replyDueBy, null, 'a v1 reopening sets no new deadline');
  t.equal(reopened.state.context.replyDueBy, '2026-06-30T06:00:00.000Z', 'the deadline from receipt stands');
});

t.test('old v1 cases › a case merged under v1 is final: relayed feedback is refused', async (t) => {
  const { engine } = await storeWithOldCases(t);
  const relay = await engine.execute(command('old-well-water-2', 'relay-feedback')).catch((e: unknown) => e);
  t.type(relay, IllegalTransitionError);
  t.same(engine.allowedActions(await engine.load('case-old-well-water-2')), []);
});
