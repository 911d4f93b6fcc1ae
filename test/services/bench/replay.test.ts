import t from 'tap';
import type { EventStore, RecordedEvent } from '../../../contracts/event-store.js';
import { caseListProjection, caseListTables } from '../../../projections/case-list/index.js';
import { ReadModels } from '../../../projections/read-models.js';
import { copiedId, copiedText, copiedTrackingCode, appendCopies } from '../../../services/bench/replay.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { generateHistory } from '../../../services/generator/index.js';
import { caseReadingRules } from '../../../services/read-side/projections.js';
import { readWholeLog } from '../../event-store/conformance/helpers.js';

const everything = (store: EventStore) => readWholeLog(store);

const ID = '9ae1b146-9343-86a3-afea-7080be0cc042';

t.test('replay › a copy renames every case id and tracking code the same way wherever it appears, and nothing else', async (t) => {
  const text = JSON.stringify({ caseId: ID, intoCaseId: ID, trackingCode: 'AB2C-9XYZ', summary: '涵洞堵塞 2026-06-01', phone: '13800000000' });
  const copy = JSON.parse(copiedText(text, 1));
  t.equal(copy.caseId, copiedId(ID, 1));
  t.equal(copy.intoCaseId, copy.caseId, 'the same id, the same copy');
  t.not(copy.caseId, ID);
  t.match(copy.caseId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  t.equal(copy.trackingCode, copiedTrackingCode('AB2C-9XYZ', 1));
  t.match(copy.trackingCode, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  t.not(copiedId(ID, 2), copy.caseId, 'another copy, another id');
  t.same([copy.summary, copy.phone], ['涵洞堵塞 2026-06-01', '13800000000'], 'other text untouched');
});

t.test('replay › copies of a generated log are the same cases again under new ids: same histories, same read model rows', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  await generateHistory(store, { cases: 150, seed: 'replay' });
  const head = await store.headPosition();
  const appended = await appendCopies(store, head, 2);
  const events = await everything(store);
  const original = events.filter((e) => e.position <= head && e.streamName.startsWith('case-'));
  t.equal(appended, original.length * 2);
  t.equal(events.length, head + appended, 'directory events are not copied');

  const streams = new Map<string, RecordedEvent[]>();
  for (const e of events) streams.set(e.streamName, [...(streams.get(e.streamName) ?? []), e]);
  for (const copy of [1, 2]) {
    let same = 0;
    for (const e of original.filter((o) => o.revision === 0)) {
      const mine = streams.get(`case-${copiedId(e.streamName.slice(5), copy)}`) ?? [];
      const theirs = streams.get(e.streamName)!;
      if (JSON.stringify(mine.map((m) => [m.revision, m.type])) === JSON.stringify(theirs.map((o) => [o.revision, o.type]))) same++;
    }
    t.equal(same, 150, `copy ${copy}: every case has the same events at the same revisions`);
  }
  const merges = events.filter((e) => e.type === 'CaseMerged' && e.position > head);
  t.ok(merges.length > 0, 'the history has merges');
  t.ok(merges.every((e) => streams.has(`case-${String(e.data.intoCaseId)}`)), 'a copied merge points at a case of its own copy');

  const models = await ReadModels.open(store, ':memory:');
  t.teardown(() => models.close());
  t.ok(await models.start(caseListProjection(caseReadingRules)).caughtUp);
  const rows = models.db
    .prepare(`SELECT id, tracking_code AS code, status, category, summary, received_at AS at, escalated FROM ${caseListTables.cases}`)
    .all() as Array<Record<string, string>>;
  t.equal(rows.length, 450);
  t.equal(new Set(rows.map((r) => r.id)).size, 450, 'every copy a case of its own');
  const shape = (r: Record<string, string>) => JSON.stringify([r.status, r.category, r.summary, r.at, r.escalated]);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(shape(row), (counts.get(shape(row)) ?? 0) + 1);
  t.ok([...counts.values()].every((n) => n % 3 === 0), 'each original row three times over, but for ids and codes');
  t.ok(new Set(rows.map((r) => r.code)).size > 440, 'tracking codes renamed too');
});
