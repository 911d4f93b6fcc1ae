import { randomUUID } from 'node:crypto';
import t from 'tap';
import { HuiyinError } from '../../../contracts/errors.js';
import type { EventStore } from '../../../contracts/event-store.js';
import type { CaseCommandType } from '../../../contracts/case/commands.js';
import { verifyChain } from '../../../workflows/engine/hash-chain.js';
import { at, caseEngine, command, openStore, staff, supervisor } from '../../support/engine-fixtures.js';

const poorFollowUp = { resolved: false, satisfaction: 'unsatisfied', comment: 'Still floods' };
const toAnswered: CaseCommandType[] = ['receive', 'assign', 'acknowledge', 'resolve', 'give-feedback'];

/** Takes a new case through to a poor follow-up with the given engine. */
async function openAndFollowUpPoorly(engine: ReturnType<typeof caseEngine>, id: string) {
  for (const type of toAnswered) await engine.execute(command(id, type));
  return engine.execute(command(id, 'record-follow-up', { data: poorFollowUp }));
}

const versionsIn = async (store: EventStore, id: string) =>
  (await store.readStream(`case-${id}`)).map((e) => (e.metadata.workflow as { version: number }).version);

t.test('case workflow › a case opened under v1 finishes under v1 after new cases moved to v2', async (t) => {
  const { store } = await openStore(t);
  const before = caseEngine(store, { version: 1 });
  const id = randomUUID();
  const followedUp = await openAndFollowUpPoorly(before, id);
  t.equal(followedUp.state.status, 'followed-up');

  // A new deployment: its engine opens new cases under v2 and has never seen this one.
  const after = caseEngine(store);
  t.equal(after.definition.version, 2, 'the default is now v2');
  const closed = await after.execute(command(id, 'close', { actor: staff, data: { summary: 'Archived as before' } }));
  t.equal(closed.state.status, 'closed', 'staff may close after a poor follow-up: a v1 rule');
  t.equal(closed.state.definition.version, 1);
  t.same(closed.events[0]?.data, { summary: 'Archived as before' });
  const escalated = await after.execute(command(id, 'escalate', { actor: supervisor }));
  t.same(escalated.events.map((e) => e.type), ['CaseEscalated'], 'escalating a closed case: a v1 rule');
  t.ok(after.allowedActions(escalated.state).includes('escalate'));
  const reopened = await after.execute(command(id, 'reopen'));
  t.same(reopened.events[0]?.data, { reason: 'Flooded again after the next storm', replyDueBy: null, plan: null }, 'no new deadline: a v1 rule');

  t.same(await versionsIn(store, id), Array(toAnswered.length + 4).fill(1), 'every event of the case says v1');
  t.same(verifyChain(await store.readStream(`case-${id}`)), { ok: true, checked: toAnswered.length + 4 });
});

t.test('case workflow › a new case beside it takes v2 rules on the same engine', async (t) => {
  const { store } = await openStore(t);
  const old = randomUUID();
  await openAndFollowUpPoorly(caseEngine(store, { version: 1 }), old);
  const engine = caseEngine(store);
  const id = randomUUID();
  const followedUp = await openAndFollowUpPoorly(engine, id);
  t.equal(followedUp.state.definition.version, 2);

  const byStaff = await engine.execute(command(id, 'close', { actor: staff })).catch((e: unknown) => e);
  t.match(byStaff, { code: 'CASE.FOLLOW_UP_UNRESOLVED' });
  const closed = await engine.execute(command(id, 'close', { actor: supervisor, data: { reason: 'Budgeted for next year' } }));
  t.same(closed.events[0]?.data, { overrideReason: 'Budgeted for next year' });
  const escalate = await engine.execute(command(id, 'escalate', { actor: supervisor })).catch((e: unknown) => e);
  t.type(escalate, HuiyinError);
  t.equal((escalate as HuiyinError).code, 'WORKFLOW.ILLEGAL_TRANSITION', 'a closed v2 case is not escalated');
  t.notOk(engine.allowedActions(closed.state).includes('escalate'));
  const reopened = await engine.execute(command(id, 'reopen'));
  // Urgent, reopened at 01:00Z: a reply is due a day later.
  t.match(reopened.events[0]?.data, { reason: 'Flooded again after the next storm', replyDueBy: '2026-06-14T01:00:00.000Z', plan: { feedback: { dueBy: String } } });

  t.same(await versionsIn(store, id), Array(toAnswered.length + 3).fill(2), 'every event of the new case says v2');
  const oldClose = await engine.execute(command(old, 'close', { actor: staff }));
  t.equal(oldClose.state.status, 'closed', 'and the v1 case beside it still closes under v1');
});

t.test('case workflow › an engine pinned to v1 keeps opening v1 cases; an unknown version is refused', async (t) => {
  const { store } = await openStore(t);
  const engine = caseEngine(store, { version: 1 });
  const id = randomUUID();
  const received = await engine.execute(command(id, 'receive', { occurredAt: at }));
  // v1 rules, but the event in today's shape: versions of rules and of event shapes are apart.
  t.match(received.events[0]?.metadata, { workflow: { name: 'case', version: 1 }, schemaVersion: 3 });
  t.match(received.events[0]?.data, { plan: null }, 'v1 rules set the reply deadline only');
  t.throws(() => caseEngine(store, { version: 3 }), /no version 3/);
});
