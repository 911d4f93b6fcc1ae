import { readFileSync } from 'node:fs';
import t from 'tap';
import { caseEventContracts, type CaseEventType } from '../../contracts/case/events.js';
import { upcastData } from '../../contracts/event-contract.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { caseWorkflows } from '../../workflows/case/index.js';
import { emptyStream, foldEvents } from '../../workflows/engine/fold.js';
import { verifyChain } from '../../workflows/engine/hash-chain.js';

/**
 * A case as the service wrote it before event contracts had versions:
 * received, assigned, escalated, a site check scheduled at +08:00 and
 * completed, resolved, answered, a poor follow-up, closed by staff, reopened.
 */
const old = JSON.parse(readFileSync(new URL('./fixtures/v1-culvert-events.json', import.meta.url), 'utf8')) as RecordedEvent[];

t.test('old events › every one upcasts to a shape its current contract accepts', async (t) => {
  for (const event of old) {
    const contract = caseEventContracts[event.type as CaseEventType];
    const data = upcastData(contract, event.data, event.metadata);
    const parsed = contract.schema.safeParse(data);
    t.ok(parsed.success, `${event.type}@${event.metadata.schemaVersion}: ${parsed.error?.message ?? 'ok'}`);
  }
});

t.test('old events › the stored bytes are untouched: the hash chain still verifies', async (t) => {
  t.match(verifyChain(old), { ok: true });
});

t.test('old events › a v1 case folds under v1 rules, with upcast data', async (t) => {
  const stream = foldEvents(caseWorkflows, emptyStream(caseWorkflows.versions.get(2)!, old[0]!.streamName), old);
  t.equal(stream.definition.version, 1, 'the case keeps the version it was opened under');
  t.equal(stream.status, 'in-progress');
  const c = stream.context;
  t.equal(c.received?.categoryName, '道路与排水', 'a free-text category reads as its own name');
  t.equal(c.received?.receivedAt, '2026-06-13T02:20:00.000Z', 'the visit time is when it was entered');
  t.same(c.received?.receptionDeputyIds, []);
  t.equal(c.siteCheck?.scheduledAt, '2026-06-14T00:00:00.000Z', 'a +08:00 time reads in UTC');
  t.same(c.siteCheck?.completed?.participants, { deputyIds: [], staff: [] }, 'v1 recorded no participants');
  t.match(c.escalations, [{ reason: '急需处理', to: null, dueBy: null }]);
  t.match(c.reopenings, [{ reason: '大雨后再次积水。', replyDueBy: null }]);
  t.equal(c.replyDueBy, '2026-06-14T02:20:00.000Z', 'v1 reopening set no new deadline');
});
