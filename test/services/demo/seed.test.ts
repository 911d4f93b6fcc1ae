import t from 'tap';
import { caseStatuses } from '../../../contracts/case/vocabulary.js';
import type { RecordedEvent } from '../../../contracts/event-store.js';
import { seedDemo } from '../../../services/demo/seed.js';
import { demoCategories, demoDeputies } from '../../../services/demo/directory-data.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { buildApp } from '../../../services/http/app.js';
import { tokenService } from '../../../services/http/auth/tokens.js';
import { verifyChain } from '../../../workflows/engine/hash-chain.js';

t.test('demo › seeding an empty store opens cases in every status, through the commands people use', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const app = await buildApp({ store, tokens: tokenService('s') });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  t.equal(await store.headPosition(), 0, 'building the app writes nothing: seeding is the server’s choice');
  const seeded = await seedDemo(app.directory, app.cases);

  const events = await store.readAll({ filter: { kind: 'category', categories: ['case'] } });
  const byStream = new Map<string, RecordedEvent[]>();
  for (const e of events) byStream.set(e.streamName, [...(byStream.get(e.streamName) ?? []), e]);
  const cases = await Promise.all(
    [...byStream].map(async ([streamName, stream]) => ({ stream, state: await app.cases.engine.load(streamName) })),
  );
  t.equal(cases.length, seeded.cases, `the seed reports what it opened (${cases.length})`);
  t.ok(cases.length >= 18 && cases.length <= 25, 'about twenty cases');
  const statuses = new Set(cases.map((c) => c.state.status));
  t.same(caseStatuses.filter((s) => !statuses.has(s)), [], 'every status is represented');
  t.ok(cases.every((c) => verifyChain(c.stream).ok), 'every history is chained');
  t.ok(cases.every((c) => c.state.definition.version === 2), 'opened under the current workflow');
  t.ok(cases.some((c) => c.state.context.escalations.some((e) => e.to !== null && e.dueBy !== null)), 'one is escalated, to someone, by a date');
  const merged = cases.find((c) => c.state.status === 'merged')!;
  t.ok(merged.state.context.relayedFeedback.length > 0, 'the merged case’s constituent was told the answer');

  const deputyNames = new Set<string>(demoDeputies.map((d) => d.name));
  const deputyActs = events.filter((e) => (e.metadata.actor as { role: string }).role === 'deputy');
  t.ok(deputyActs.length > 20 && deputyActs.every((e) => deputyNames.has((e.metadata.actor as { name: string }).name)), 'deputies’ names as the directory has them');
  t.equal((await app.directory.listCategories()).length, demoCategories.length, 'each district’s category list');
});

t.test('demo › the culvert story as the article tells it', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const app = await buildApp({ store, tokens: tokenService('s') });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  await seedDemo(app.directory, app.cases);
  const events = await store.readAll({ filter: { kind: 'category', categories: ['case'] } });
  const received = events.find((e) => e.type === 'CaseReceived' && String(e.data.summary).includes('涵洞'))!;
  const stream = events.filter((e) => e.streamName === received.streamName);
  t.same(stream.map((e) => [e.type, (e.metadata.actor as { role: string }).role]).slice(0, 6), [
    ['CaseReceived', 'staff'], ['CaseAssigned', 'supervisor'], ['CaseAcknowledged', 'deputy'],
    ['SiteCheckScheduled', 'deputy'], ['SiteCheckCompleted', 'deputy'], ['CaseResolved', 'deputy'],
  ]);
  const { context, status } = await app.cases.engine.load(received.streamName);
  t.equal(status, 'closed');
  t.match(context.received, { category: 'roads', categoryName: '道路与排水', urgency: 'urgent', receptionDeputyIds: ['dep-wu-haitao'] });
  t.equal(context.received?.constituent.address, '百车河社区三组', 'where the villager lives');
  t.equal(context.received?.receivedAt, '2026-06-13T02:20:00.000Z', 'June 13, 10:20 in Guizhou');
  t.equal(context.siteCheck?.completed?.checkedAt.slice(0, 10), '2026-06-14', 'inspected the next morning');
  t.same(context.siteCheck?.completed?.participants.deputyIds, ['dep-zhou-lan', 'dep-wu-haitao'], 'two township deputies went');
  t.equal(context.feedback?.method, 'in-person', 'one went back to her house');
});
