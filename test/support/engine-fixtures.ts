import { randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import type { CaseCommandType } from '../../contracts/case/commands.js';
import { HuiyinError } from '../../contracts/errors.js';
import type { EventStore } from '../../contracts/event-store.js';
import type { Actor, CommandEnvelope } from '../../contracts/metadata.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { caseWorkflows } from '../../workflows/case/index.js';
import { WorkflowEngine, type EngineOptions } from '../../workflows/engine/engine.js';
import { sampleCommandData } from './case-fixtures.js';
import { observed } from './observed-store.js';

export const staff: Actor = { id: 'staff-1', role: 'staff' };
export const supervisor: Actor = { id: 'sup-1', role: 'supervisor', name: 'Lin Hua' };
/** With an offset, as a client may send it: what is stored in event data must still be UTC. */
export const at = '2026-06-13T09:00:00.000+08:00';

/** A case command envelope with a fresh command id and the sample data for its type. */
export const command = (streamId: string, type: CaseCommandType, extra: Record<string, unknown> = {}) => ({
  streamId,
  type,
  data: sampleCommandData[type] as unknown,
  commandId: randomUUID(),
  actor: staff,
  occurredAt: at,
  ...extra,
});

/** A case engine over every workflow version; new cases take `options.version` (default: the latest). */
export const caseEngine = (store: EventStore, options: EngineOptions = {}) => new WorkflowEngine(store, caseWorkflows, options);

/** A real in-memory SQLite store with counters on it, closed when the test ends. */
export async function openStore(t: Test) {
  const raw = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => raw.close());
  return observed(raw);
}

/** A case engine over a real in-memory store, with counters on the store. */
export async function setup(t: Test, options: EngineOptions = {}) {
  const { store, counts } = await openStore(t);
  return { store, counts, engine: caseEngine(store, options) };
}

type CaseEngine = ReturnType<typeof caseEngine>;

/**
 * Merges the merge command's case into `data.intoCaseId` as the case
 * service does (services/cases/case-merge.ts: same steps, same order, same
 * step ids), less its rights and its look at the merged case beforehand:
 * the target records the attachment; the merged case records the merge, or
 * if that fails the target takes the attachment back; the target confirms.
 */
export async function mergeCase(engine: CaseEngine, merge: CommandEnvelope) {
  const source = merge.streamId;
  const { intoCaseId } = merge.data as { intoCaseId: string };
  const step = (type: CaseCommandType, data: object, suffix: string): CommandEnvelope =>
    Object.assign({}, merge, { streamId: intoCaseId, type, data, commandId: `${merge.commandId}:${suffix}`, expectedRevision: undefined });
  await engine.execute(step('attach', { caseId: source }, 'attach'));
  let merged: Awaited<ReturnType<CaseEngine['execute']>>;
  try {
    merged = await engine.execute(merge);
  } catch (error) {
    const reason = `the merge of ${source} did not complete (${error instanceof HuiyinError ? error.code : 'error'})`;
    await engine.execute(step('detach', { caseId: source, reason }, 'detach'));
    throw error;
  }
  await engine.execute(step('confirm-merge', { caseId: source }, 'confirm'));
  return merged;
}
