import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import { caseEventContracts, type CaseEventType } from '../../../contracts/case/events.js';
import type { Channel, Urgency } from '../../../contracts/case/vocabulary.js';
import type { EventStore } from '../../../contracts/event-store.js';
import { dashboardProjection } from '../../../projections/dashboard/index.js';
import { openReadModelDb } from '../../../projections/db.js';
import { startProjection } from '../../../projections/runner.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { caseReadingRules } from '../../../services/read-side/projections.js';
import { replyDueBy } from '../../../workflows/case/index.js';

/** A China-time wall clock reading as the UTC instant it is ('2026-06-01 10:00' → 02:00Z). */
export const cst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
export const cstMs = (local: string) => Date.parse(cst(local));

export interface CaseForm {
  station?: string;
  area?: string;
  channel?: Channel;
  urgency?: Urgency;
  category?: string;
  /** China time, 'YYYY-MM-DD HH:MM'. */
  at: string;
  workflowVersion?: number;
}

/**
 * Writes case events as the engine stores them (current data shapes, the
 * metadata read models use), without the workflow's checks: a fixture
 * says exactly which events happened when.
 */
export function caseWriter(store: EventStore) {
  const versions = new Map<string, number>();
  const append = (caseId: string, type: CaseEventType, data: object, localAt: string) =>
    store.appendToStream(`case-${caseId}`, [{
      id: randomUUID(),
      type,
      data: data as Record<string, unknown>,
      metadata: {
        commandId: randomUUID(),
        actor: { id: 'admin-1', role: 'admin' },
        occurredAt: cst(localAt),
        workflow: { name: 'case', version: versions.get(caseId) ?? 2 },
        schemaVersion: caseEventContracts[type].version,
      },
    }]);
  return {
    receive(caseId: string, form: CaseForm) {
      versions.set(caseId, form.workflowVersion ?? 2);
      const urgency = form.urgency ?? 'urgent';
      const receivedAt = cst(form.at);
      return append(caseId, 'CaseReceived', {
        caseId, trackingCode: 'ABCD-EFGH', channel: form.channel ?? 'reception-day', stationId: form.station ?? 'st-a',
        areaCode: form.area ?? '520221104', category: form.category ?? 'roads', categoryName: 'Roads', summary: 'A matter',
        constituent: { name: 'Hu' }, urgency, receivedAt, receptionDeputyIds: [], replyDueBy: replyDueBy(receivedAt, urgency),
      }, form.at);
    },
    act: (caseId: string, type: CaseEventType, localAt: string, data: object = {}) => append(caseId, type, data, localAt),
  };
}

export const feedback = { method: 'phone', summary: 'Told them' };
export const resolvedDone = { outcome: 'done', summary: 'Fixed' };

/** The steps from receipt to an answer, all at one time. */
export async function answer(write: ReturnType<typeof caseWriter>, caseId: string, at: string) {
  await write.act(caseId, 'CaseAssigned', at, { deputyIds: ['dep-li'] });
  await write.act(caseId, 'CaseAcknowledged', at);
  await write.act(caseId, 'CaseResolved', at, resolvedDone);
  await write.act(caseId, 'FeedbackGiven', at, feedback);
}

export async function setup(t: Test) {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const db = openReadModelDb(':memory:');
  const projection = dashboardProjection(caseReadingRules);
  const runner = startProjection(db, store, projection);
  t.teardown(async () => {
    await runner.close();
    db.close();
    await store.close();
  });
  const settled = async () => t.ok(await runner.waitFor(await store.headPosition(), 2000), 'the read model caught up');
  return { store, db, projection, runner, settled, write: caseWriter(store) };
}

/** Every row of every dashboard@2 table, in a stable order. */
export function dump(db: Database.Database): Record<string, unknown[]> {
  const tables = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'dashboard_v2_%' ORDER BY name`).all();
  return Object.fromEntries(
    tables.map(({ name }) => {
      const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${name})`).all().map((c) => c.name).join(', ');
      return [name, db.prepare(`SELECT * FROM ${name} ORDER BY ${columns}`).all()];
    }),
  );
}
