import t from 'tap';
import { z } from 'zod';
import { caseEventContracts, caseEventTypes, type CaseEventType } from '../../../contracts/case/events.js';
import { eventContract, upcastData, writtenVersion } from '../../../contracts/event-contract.js';
import type { JsonObject } from '../../../contracts/event-store.js';
import { oldEvent, oldEvents } from '../fixtures/old-events.js';

/** Each upcaster tried on a real old event, with what that event must read as now. */
const expectations: Partial<Record<CaseEventType, { stream?: string; expected: (old: JsonObject) => JsonObject }>> = {
  CaseReceived: {
    // Entered at 09:05 +08:00: the visit is taken to be then, in UTC; the free-text category names itself.
    stream: 'case-old-well-water',
    expected: (old) => ({ ...old, categoryName: '饮水安全', receivedAt: '2026-06-13T01:05:00.000Z', receptionDeputyIds: [], plan: null }),
  },
  SiteCheckScheduled: { stream: 'case-old-well-water', expected: () => ({ at: '2026-06-15T01:30:00.000Z' }) },
  SiteCheckCompleted: {
    // Completed at 11:00 +08:00 by the metadata; v1 recorded no participants.
    stream: 'case-old-well-water',
    expected: () => ({ findings: '井口无盖，雨水倒灌', checkedAt: '2026-06-15T03:00:00.000Z', participants: { deputyIds: [], staff: [] } }),
  },
  CaseClosed: { stream: 'case-old-land-dispute', expected: () => ({ summary: '已引导至司法所' }) },
  CaseReopened: { expected: () => ({ reason: '大雨后再次积水。', replyDueBy: null, plan: null }) },
  CaseEscalated: { stream: 'case-old-well-water', expected: () => ({ reason: '涉及饮水安全', to: null, dueBy: null, automatic: null }) },
};

const versioned = caseEventTypes.filter((type) => caseEventContracts[type].version > 1);

t.test('case upcasters › every event type past version 1 has an upcaster from each older version, tried here', async (t) => {
  for (const type of versioned) {
    const { version, upcasters } = caseEventContracts[type];
    t.same(Object.keys(upcasters).map(Number).sort(), Array.from({ length: version - 1 }, (_, i) => i + 1), `${type}@${version}`);
  }
  t.same(Object.keys(expectations).sort(), [...versioned].sort(), 'each upcaster has a real old event below');
});

for (const [type, { stream, expected }] of Object.entries(expectations) as Array<[CaseEventType, NonNullable<(typeof expectations)[CaseEventType]>]>) {
  t.test(`case upcasters › ${type} › reads a real v1 event into today’s shape`, async (t) => {
    const old = oldEvent(type, stream);
    t.equal(writtenVersion(old.metadata), 1, 'written before shapes had versions');
    const contract = caseEventContracts[type];
    const stored = JSON.stringify(old.data);
    const upcast = upcastData(contract, deepFrozen(structuredClone(old.data)), old.metadata);
    t.same(upcast, expected(old.data));
    t.ok(contract.schema.safeParse(upcast).success, 'the current schema accepts it');
    t.equal(JSON.stringify(old.data), stored, 'the stored event is left as it was');
    if (type !== 'CaseClosed') t.notOk(contract.schema.safeParse(old.data).success, 'the old data alone would not do: the upcaster is needed');
  });
}

t.test('case upcasters › every old event reads into data its current contract accepts', async (t) => {
  const seen = new Set<string>();
  for (const event of oldEvents) {
    const contract = caseEventContracts[event.type as CaseEventType];
    const parsed = contract.schema.safeParse(upcastData(contract, event.data, event.metadata));
    t.ok(parsed.success, `${event.streamName}@${event.revision} ${event.type}: ${parsed.error?.message ?? 'ok'}`);
    seen.add(event.type);
  }
  const newSinceV1 = ['FeedbackRelayed', 'CaseAttached', 'CaseMergeConfirmed', 'CaseDetached', 'ReminderSent', 'CaseWentOverdue', 'CasePressed'];
  t.same([...seen].sort(), caseEventTypes.filter((type) => !newSinceV1.includes(type)).sort(), 'the fixtures hold every event type v1 wrote');
});

t.test('event contracts › data already in the current shape is returned as it is', async (t) => {
  const contract = caseEventContracts.CaseEscalated;
  const data = { to: 'County roads bureau', reason: 'Late', dueBy: '2026-06-20T01:00:00.000Z', automatic: null };
  t.equal(upcastData(contract, data, { schemaVersion: 3 }), data, 'the same object: folding new events costs nothing');
});

t.test('event contracts › an event of a version no upcaster reads is refused loudly', async (t) => {
  const contract = eventContract(z.strictObject({ text: z.string() }), 3, { 2: (data) => data });
  t.throws(() => upcastData(contract, { text: 'x' }, { schemaVersion: 1 }), /no upcaster from version 1/);
  t.same(upcastData(contract, { text: 'x' }, { schemaVersion: 2 }), { text: 'x' });
});

t.test('event contracts › metadata without a usable schema version says version 1', async (t) => {
  t.same([{}, { schemaVersion: 0 }, { schemaVersion: '2' }, { schemaVersion: 1.5 }, { schemaVersion: 2 }].map(writtenVersion), [1, 1, 1, 1, 2]);
});

function deepFrozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFrozen(inner);
    Object.freeze(value);
  }
  return value;
}
