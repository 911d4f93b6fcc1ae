import { randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import type { Actor } from '../../contracts/metadata.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { caseWorkflow } from '../../workflows/case/index.js';
import { WorkflowEngine } from '../../workflows/engine/engine.js';
import { sampleCommandData } from './case-fixtures.js';
import { observed } from './observed-store.js';

export const staff: Actor = { id: 'staff-1', role: 'staff' };
export const at = '2026-06-13T09:00:00.000+08:00';

/** A case command envelope with a fresh command id and the sample data for its type. */
export const command = (streamId: string, type: keyof typeof sampleCommandData, extra: Record<string, unknown> = {}) => ({
  streamId,
  type,
  data: sampleCommandData[type],
  commandId: randomUUID(),
  actor: staff,
  occurredAt: at,
  ...extra,
});

/** A case engine over a real in-memory store, with counters on the store. */
export async function setup(t: Test) {
  const raw = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => raw.close());
  const { store, counts } = observed(raw);
  return { store, counts, engine: new WorkflowEngine(store, caseWorkflow) };
}
