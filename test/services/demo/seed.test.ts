import t from 'tap';
import { caseStatuses } from '../../../workflows/case/machine.js';
import { caseWorkflow } from '../../../workflows/case/index.js';
import { emptyStream, foldEvents } from '../../../workflows/engine/fold.js';
import { verifyChain } from '../../../workflows/engine/hash-chain.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { buildApp } from '../../../services/http/app.js';
import { tokenService } from '../../../services/http/auth/tokens.js';
import type { CaseContext } from '../../../workflows/case/context.js';

t.test('demo › an empty store is seeded with cases in every status, through the commands', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const app = await buildApp({ store, tokens: tokenService('s'), demo: true });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  const events = await store.readAll({ filter: { kind: 'category', categories: ['case'] } });
  const byStream = new Map<string, typeof events>();
  for (const e of events) byStream.set(e.streamName, [...(byStream.get(e.streamName) ?? []), e]);
  const cases = [...byStream.values()].map((stream) => ({
    stream,
    state: foldEvents(caseWorkflow, emptyStream(caseWorkflow, stream[0]!.streamName), stream).snapshot,
  }));
  t.ok(cases.length >= 18 && cases.length <= 25, `about twenty cases (${cases.length})`);
  const statuses = new Set(cases.map((c) => String(c.state.value)));
  t.same([...caseStatuses].filter((s) => !statuses.has(s)), [], 'every status is represented');
  t.ok(cases.every((c) => verifyChain(c.stream).ok), 'every history is chained');
  t.ok(cases.some((c) => (c.state.context as CaseContext).escalations.length > 0), 'one is escalated');

  const culvert = cases.find((c) => (c.state.context as CaseContext).received?.summary.includes('涵洞'))!;
  const story = culvert.stream.map((e) => [e.type, (e.metadata.actor as { role: string }).role]);
  t.same(story.slice(0, 6), [
    ['CaseReceived', 'staff'], ['CaseAssigned', 'supervisor'], ['CaseAcknowledged', 'deputy'],
    ['SiteCheckScheduled', 'deputy'], ['SiteCheckCompleted', 'deputy'], ['CaseResolved', 'deputy'],
  ]);
  const context = culvert.state.context as CaseContext;
  t.equal(context.feedback?.method, 'in-person', 'answered in person');
  t.equal(context.siteCheck?.completed?.at.slice(0, 10), '2026-06-14', 'inspected the next morning');
  t.equal(String(culvert.state.value), 'closed');

  const again = await buildApp({ store, tokens: tokenService('s'), demo: true });
  await again.close();
  t.equal((await store.readAll({ filter: { kind: 'category', categories: ['case'] } })).length, events.length, 'a store with data is never seeded twice');
});
