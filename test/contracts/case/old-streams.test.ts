import t from 'tap';
import { caseWorkflows } from '../../../workflows/case/index.js';
import { emptyStream, foldEvents } from '../../../workflows/engine/fold.js';
import { verifyChain } from '../../../workflows/engine/hash-chain.js';
import { streamOf } from '../fixtures/old-events.js';

/** Folds an old stream as a current engine would: it starts from the latest version and lets the first event choose. */
const fold = (streamName: string) => foldEvents(caseWorkflows, emptyStream(caseWorkflows.versions.get(caseWorkflows.latest)!, streamName), streamOf(streamName));

t.test('old case streams › a v1 case in flight folds under v1 with its data read into today’s shapes', async (t) => {
  const stream = fold('case-old-well-water');
  t.equal(stream.definition.version, 1, 'the case keeps the version it was opened under');
  t.equal(stream.status, 'followed-up');
  t.equal(stream.revision, 14);
  const c = stream.context;
  t.match(c.received, {
    category: '饮水安全',
    categoryName: '饮水安全',
    receivedAt: '2026-06-13T01:05:00.000Z',
    receptionDeputyIds: [],
    replyDueBy: '2026-06-20T01:05:00.000Z',
    by: { id: 'staff-fana', role: 'staff' },
  });
  t.equal(c.replyDueBy, '2026-06-20T01:05:00.000Z');
  t.same(c.deputyIds, ['dep-hu-lan'], 'reassigned from Wu Min to Hu Lan');
  t.equal(c.accepted?.by.id, 'staff-fana');
  t.equal(c.siteCheck?.scheduledAt, '2026-06-15T01:30:00.000Z', 'a +08:00 time reads in UTC');
  t.match(c.siteCheck?.completed, { checkedAt: '2026-06-15T03:00:00.000Z', participants: { deputyIds: [], staff: [] } });
  t.same(c.referrals.map((r) => [r.agency, r.replies.map((x) => x.reply)]), [['镇水务站', ['已取样送检']]]);
  t.same([c.progressNotes.length, c.notes.length], [1, 1]);
  t.match(c.escalations, [{ reason: '涉及饮水安全', to: null, dueBy: null, by: { role: 'supervisor' } }]);
  t.match(c.resolution, { outcome: 'partly' });
  t.match(c.followUp, { resolved: false, satisfaction: 'unsatisfied', comment: '水还是浑' });
  t.same(c.mergedCases, [], 'v1 merges recorded nothing on the target');
});

t.test('old case streams › the ends of v1 cases fold to their ends', async (t) => {
  const declined = fold('case-old-land-dispute');
  t.same([declined.definition.version, declined.status], [1, 'closed']);
  t.match(declined.context.declined, { reason: '属司法调解事项', redirectTo: '镇司法所' });
  t.match(declined.context.closed, { summary: '已引导至司法所' });
  t.equal(declined.context.closed?.overrideReason, undefined);

  const withdrawn = fold('case-old-streetlight');
  t.same([withdrawn.status, withdrawn.context.received?.categoryName], ['withdrawn', '公共设施']);
  t.match(withdrawn.context.withdrawn, { reason: '村委会已修好' });

  const merged = fold('case-old-well-water-2');
  t.same([merged.status, merged.context.mergedInto], ['merged', 'old-well-water']);
});

t.test('old case streams › folding reads without rewriting: every stored chain still verifies', async (t) => {
  for (const name of ['case-old-well-water', 'case-old-land-dispute', 'case-old-streetlight', 'case-old-well-water-2']) {
    const events = streamOf(name);
    fold(name);
    t.same(verifyChain(events), { ok: true, checked: events.length }, name);
    t.ok(events.every((e) => e.metadata.schemaVersion === 1 && (e.metadata.workflow as { version: number }).version === 1));
  }
});

/** Every time the fold stamped on a context: each `at`, and the last activity. */
function stampsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) stampsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'at' || key === 'lastActivityAt') && typeof inner === 'string') found.push(inner);
      else stampsIn(inner, found);
    }
  }
  return found;
}

t.test('old case streams › times the old writer stored with +08:00 are stamped in UTC', async (t) => {
  const events = streamOf('case-old-well-water');
  t.equal(events[0]?.metadata.occurredAt, '2026-06-13T09:05:00+08:00', 'stored with its offset, and left so');
  const c = fold('case-old-well-water').context;
  t.equal(c.received?.at, '2026-06-13T01:05:00.000Z');
  t.equal(c.followUp?.at, '2026-06-28T02:00:00.000Z');
  t.equal(c.lastActivityAt, '2026-06-28T02:00:00.000Z');
  const stamps = stampsIn(c);
  t.ok(stamps.length > 10, `${stamps.length} stamps found`);
  t.same(stamps.filter((at) => !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(at)), [], 'every one a UTC instant');
});
