import { randomUUID } from 'node:crypto';
import t, { type Test } from 'tap';
import type { RecordedEvent } from '../../../contracts/event-store.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { caseWorkflows } from '../../../workflows/case/index.js';
import { WorkflowEngine } from '../../../workflows/engine/engine.js';
import { canonicalJson, deriveEventId, verifyChain } from '../../../workflows/engine/hash-chain.js';
import { sampleCommandData } from '../../support/case-fixtures.js';

async function recordedCase(t: Test): Promise<RecordedEvent[]> {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  const engine = new WorkflowEngine(store, caseWorkflows);
  const id = randomUUID();
  for (const type of ['receive', 'assign', 'acknowledge', 'resolve'] as const) {
    await engine.execute({
      streamId: id,
      type,
      data: sampleCommandData[type],
      commandId: randomUUID(),
      actor: { id: 'admin-1', role: 'admin' },
      occurredAt: '2026-06-13T09:00:00Z',
    });
  }
  return store.readStream(`case-${id}`);
}

t.test('hash chain › an untouched stream verifies', async (t) => {
  t.same(verifyChain(await recordedCase(t)), { ok: true, checked: 4 });
});

t.test('hash chain › names the first altered event', async (t) => {
  const events = await recordedCase(t);
  const altered = events.map((e) => (e.revision === 2 ? { ...e, data: { ...e.data, note: 'added later' } } : e));
  t.match(verifyChain(altered), { ok: false, brokenAt: 2, reason: /content/ });
  const backdated = events.map((e) => (e.revision === 1 ? { ...e, metadata: { ...e.metadata, occurredAt: '2026-01-01T00:00:00Z' } } : e));
  t.match(verifyChain(backdated), { ok: false, brokenAt: 1 }, 'metadata is covered too');
});

t.test('hash chain › detects a removed or reordered event', async (t) => {
  const events = await recordedCase(t);
  t.match(verifyChain([events[0]!, events[2]!, events[3]!]), { ok: false, brokenAt: 2, reason: /prevHash/ });
  t.match(verifyChain([events[1]!, events[0]!]), { ok: false, brokenAt: 1 });
});

t.test('hash chain › canonical JSON ignores key order but not values', async (t) => {
  t.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }), '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  t.not(canonicalJson({ a: 1 }), canonicalJson({ a: '1' }));
  t.equal(canonicalJson({ a: undefined, b: 2 }), '{"b":2}', 'undefined drops out as JSON does');
});

t.test('event ids › derived from stream, command and index; UUID-shaped', async (t) => {
  const id = deriveEventId('case-1', 'cmd-1', 0);
  t.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  t.equal(deriveEventId('case-1', 'cmd-1', 0), id, 'a retry proposes the same id');
  const others = [deriveEventId('case-2', 'cmd-1', 0), deriveEventId('case-1', 'cmd-2', 0), deriveEventId('case-1', 'cmd-1', 1)];
  t.equal(new Set([id, ...others]).size, 4);
});
