import t, { type Test } from 'tap';
import type { EventStore, RecordedEvent } from '../../../contracts/event-store.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { generateHistory, type GenerateOptions } from '../../../services/generator/index.js';
import { readWholeLog } from '../../event-store/conformance/helpers.js';

const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2027-01-01T00:00:00.000Z';

const everything = (store: EventStore) => readWholeLog(store);

/** Each stream's events as the workflow wrote them: ids, types, data and metadata (the store's position and time left out). */
function byStream(events: RecordedEvent[]): Map<string, unknown[]> {
  const streams = new Map<string, unknown[]>();
  for (const { streamName, revision, id, type, data, metadata } of events) {
    if (!streams.has(streamName)) streams.set(streamName, []);
    streams.get(streamName)!.push({ revision, id, type, data, metadata });
  }
  return streams;
}

async function generated(t: Test, options: GenerateOptions) {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  const result = await generateHistory(store, options);
  return { result, events: await everything(store) };
}

t.test('generator › the same seed writes the same events; another seed writes others', async (t) => {
  const options = { cases: 120, seed: 'same', from: FROM, to: TO };
  // Different concurrency: the interleaving in the log differs, each stream does not.
  const one = await generated(t, { ...options, concurrency: 64 });
  const two = await generated(t, { ...options, concurrency: 3 });
  t.equal(one.events.length, two.events.length);
  const a = byStream(one.events);
  const b = byStream(two.events);
  t.same([...a.keys()].sort(), [...b.keys()].sort(), 'the same streams');
  let differing = 0;
  for (const [name, events] of a) if (JSON.stringify(events) !== JSON.stringify(b.get(name))) differing++;
  t.equal(differing, 0, 'every stream has the same ids, types, data and metadata');
  const other = byStream((await generated(t, { ...options, seed: 'other' })).events);
  const caseStreams = (m: Map<string, unknown[]>) => [...m.keys()].filter((n) => n.startsWith('case-')).sort();
  t.notSame(caseStreams(other), caseStreams(a), 'another seed, other cases');
});

t.test('generator › N cases are N case streams, every command between from and to, the mix as planned', async (t) => {
  const { result, events } = await generated(t, { cases: 400, seed: 'mix', from: FROM, to: TO });
  const cases = events.filter((e) => e.streamName.startsWith('case-'));
  t.equal(new Set(cases.map((e) => e.streamName)).size, 400);
  t.equal(result.cases, 400);
  t.equal(cases.filter((e) => e.type === 'CaseReceived').length, 400);
  t.ok(cases.every((e) => String(e.metadata.occurredAt) >= FROM && String(e.metadata.occurredAt) < TO), 'every command in [from, to)');
  const count = (type: string) => cases.filter((e) => e.type === type).length;
  const closedStreams = new Set(cases.filter((e) => e.type === 'CaseClosed').map((e) => e.streamName));
  t.ok(closedStreams.size > 200, `most are closed (${closedStreams.size} of 400)`);
  for (const type of ['CaseReopened', 'CaseEscalated', 'CaseMerged', 'CaseWithdrawn', 'CaseDeclined', 'SiteCheckCompleted', 'CaseReferred', 'FeedbackRelayed']) {
    t.ok(count(type) > 0, `some ${type} (${count(type)})`);
  }
  // Late: acknowledged after the reply deadline the case was received with.
  const due = new Map(cases.filter((e) => e.type === 'CaseReceived').map((e) => [e.streamName, String(e.data.replyDueBy)]));
  const late = cases.filter((e) => e.type === 'CaseAcknowledged' && String(e.metadata.occurredAt) > due.get(e.streamName)!);
  t.ok(late.length > 10 && late.length < 200, `some replied late (${late.length})`);
  // Mondays are reception days: more matters received on a Monday than on any other weekday.
  const weekday = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).getUTCDay();
  const perDay = [0, 0, 0, 0, 0, 0, 0];
  for (const e of cases) if (e.type === 'CaseReceived') perDay[weekday(String(e.data.receivedAt))]!++;
  t.ok(perDay.slice(2).every((n) => n < perDay[1]!), `Monday peaks (${perDay.join(', ')})`);
  // Seasons: ice and winter heating only in winter.
  const month = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).getUTCMonth() + 1;
  const winterOnly = cases.filter((e) => e.type === 'CaseReceived' && ['ice', 'winter-heating'].includes(String(e.data.category)));
  t.ok(winterOnly.length > 0 && winterOnly.every((e) => [11, 12, 1, 2].includes(month(String(e.data.receivedAt)))), 'winter matters in winter');
  t.ok(cases.every((e) => (e.metadata.actor as { id: string }).id !== undefined), 'every event names its actor');
  const actors = new Set(cases.map((e) => (e.metadata.actor as { role: string }).role));
  t.same([...actors].sort(), ['deputy', 'staff', 'supervisor'], 'staff, deputies and supervisors of the directory act');
});

t.test('generator › a second run over the same log writes no second directory, and refuses bad options', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  const first = await generateHistory(store, { cases: 5, seed: 'a', from: FROM, to: TO });
  t.ok(first.directoryEntries > 400);
  const second = await generateHistory(store, { cases: 5, seed: 'b', from: FROM, to: TO });
  t.equal(second.directoryEntries, 0);
  const streams = new Set((await everything(store)).filter((e) => e.streamName.startsWith('case-')).map((e) => e.streamName));
  t.equal(streams.size, 10);
  await t.rejects(generateHistory(store, { cases: 1, from: TO, to: FROM }), /at least a day after/);
  await t.rejects(generateHistory(store, { cases: -1 }), /whole number/);
});
