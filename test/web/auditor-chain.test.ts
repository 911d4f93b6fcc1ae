import t from 'tap';
import type { HistoryEvent } from '../../contracts/history.js';
import { canonicalJson as serverCanonical, GENESIS_HASH, hashEvent } from '../../workflows/engine/hash-chain.js';
import { canonicalJson, hashedText, streamNameOfCase, verifyChain } from '../../services/web/src/areas/auditor/lib/chain.js';

/**
 * The auditor's bench checks a case's chain in the browser: its hashing must
 * agree byte for byte with the server's, and any change to an event — its
 * data, its metadata, its order, its presence — must be named.
 */
const caseId = '01a2360c-dc3d-7789-ae35-034a96401123';
const streamName = streamNameOfCase(caseId);

/** A chain sealed the way the engine seals it, as the history API answers it. */
function sealed(steps: { type: string; data: Record<string, unknown> }[]): HistoryEvent[] {
  let prevHash = GENESIS_HASH;
  return steps.map((step, revision) => {
    const metadata = { actor: { id: 'staff-baichehe', name: '王芳', role: 'staff', stations: ['st-baichehe'] }, commandId: `c${revision}`, correlationId: 'c0', causationId: `c${revision}`, occurredAt: `2026-06-1${revision}T02:00:00.000Z`, prevHash, schemaVersion: 1, workflow: { name: 'case', version: 2 } };
    const hash = hashEvent({ streamName, revision, type: step.type, data: step.data, metadata });
    prevHash = hash;
    // Through JSON, as the browser receives it.
    return JSON.parse(JSON.stringify({ revision, type: step.type, data: step.data, metadata: { ...metadata, hash }, position: 100 + revision, recordedAt: '2026-12-02T09:00:00.000Z' })) as HistoryEvent;
  });
}

const history = () =>
  sealed([
    { type: 'CaseReceived', data: { summary: '通村公路旁涵洞堵塞 "雨后"\n积水', '10': 'x', '2': 'y', b: [1, 2.5, -0, null, { z: true, a: 'é' }], a: { ü: 1, u: 2 } } },
    { type: 'CaseAssigned', data: { deputyIds: ['dep-zhou-lan', 'dep-wu-haitao'] } },
    { type: 'CaseAcknowledged', data: {} },
  ]);

t.test('canonical JSON matches the server’s on what JSON can carry', async (tt) => {
  const samples: unknown[] = [null, 0, -0, 1e21, 'a\u2028b\ud800', [undefined, 1], { '01': 1, '1': 2, '4294967295': 3, '4294967294': 4, B: 5, a: 6, 'é': 7 }, history()[0]];
  for (const sample of samples) tt.equal(canonicalJson(sample), serverCanonical(sample));
});

t.test('an untouched chain verifies, every event ✓', async (tt) => {
  const check = await verifyChain(streamName, history());
  tt.equal(check.ok, true);
  tt.equal(check.events, 3);
  tt.same(check.links.map((link) => link.ok), [true, true, true]);
  tt.equal(check.links[1]?.computedHash, history()[1]?.metadata.hash);
  tt.match(hashedText(streamName, history()[2]!), /^\{"data":\{\},"metadata":\{.*"prevHash":"[0-9a-f]{64}".*\},"revision":2,"streamName":"case-01a2360c/);
});

t.test('a changed word in an event’s data is flagged at that event', async (tt) => {
  const events = history();
  (events[1]!.data.deputyIds as string[])[1] = 'dep-he-xia';
  const check = await verifyChain(streamName, events);
  tt.equal(check.ok, false);
  tt.equal(check.brokenAt, 1);
  tt.same(check.links.map((link) => link.problem), [undefined, 'content-changed', undefined]);
});

t.test('changed metadata (who did it, when) is flagged too', async (tt) => {
  const events = history();
  events[2]!.metadata.occurredAt = '2026-06-30T02:00:00.000Z';
  const check = await verifyChain(streamName, events);
  tt.equal(check.brokenAt, 2);
  tt.equal(check.links[2]?.problem, 'content-changed');
});

t.test('an event taken out or resealed on its own breaks the link after it', async (tt) => {
  const removed = history().filter((event) => event.revision !== 1);
  const gap = await verifyChain(streamName, removed);
  tt.equal(gap.ok, false);
  tt.equal(gap.links[1]?.problem, 'order-broken');

  // A forger who rewrites event 1 and gives it a fresh, correct hash still breaks event 2's prevHash.
  const events = history();
  const forged = sealed([{ type: 'CaseReceived', data: history()[0]!.data }, { type: 'CaseAssigned', data: { deputyIds: ['dep-he-xia'] } }]);
  events[1] = forged[1]!;
  const check = await verifyChain(streamName, events);
  tt.same(check.links.map((link) => link.problem), [undefined, undefined, 'link-broken']);
  tt.equal(check.brokenAt, 2);
});

t.test('the wrong stream name fails every event: the name is part of what is hashed', async (tt) => {
  const check = await verifyChain('case-another', history());
  tt.equal(check.ok, false);
  tt.equal(check.brokenAt, 0);
});
