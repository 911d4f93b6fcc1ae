import type { Test } from 'tap';
import { openReadModelDb } from '../../../projections/db.js';
import { startProjection, type Projection } from '../../../projections/runner.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';

/**
 * A real store, a real runner and real SQLite for one projection, and a way
 * to append events as their writers would (stream, type, data, when, who).
 */
export async function projected(t: Test, projection: Projection) {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const db = openReadModelDb(':memory:');
  const runner = startProjection(db, store, projection);
  t.teardown(async () => {
    await runner.close();
    db.close();
    await store.close();
  });
  let n = 0;
  const versions: Record<string, number> = { CaseReceived: 2, SiteCheckCompleted: 2 };
  const add = async (stream: string, type: string, data: object, occurredAt = '2026-01-05T01:00:00.000Z') => {
    const metadata = { occurredAt, actor: { id: 'staff-a', role: 'staff' }, schemaVersion: versions[type] ?? 1 };
    const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    await store.appendToStream(stream, [{ id, type, data: data as never, metadata }]);
  };
  const settled = async () => t.ok(await runner.waitFor(await store.headPosition(), 2000), 'the read model caught up');
  return { db, store, add, settled };
}

export const caseReceived = (caseId: string, receptionDeputyIds: string[], receivedAt: string) => ({
  caseId, trackingCode: `T-${caseId}`, channel: 'reception-day', stationId: 'st-a', areaCode: '520221104', category: 'roads',
  categoryName: '道路与排水', summary: '村道涵洞堵塞', constituent: { name: '胡秀英' }, urgency: 'urgent', receivedAt, receptionDeputyIds,
  replyDueBy: '2026-12-31T00:00:00.000Z',
});

export const siteCheck = (deputyIds: string[], checkedAt: string) => ({ findings: '清理涵洞淤泥', checkedAt, participants: { deputyIds, staff: [] } });

export const visit = (visitId: string, deputyIds: string[], receivedAt: string, matters = 1) => ({
  visitId, stationId: 'st-a', areaCode: '520221104', channel: 'reception-day', receivedAt, deputyIds,
  visitor: { name: '王大妈', phone: '13800000000' },
  matters: Array.from({ length: matters }, (_, i) => ({ summary: `事项${i + 1}`, category: 'roads' })),
});

export const activityHeld = (activityId: string, kind: string, deputyIds: string[], heldAt: string) => ({
  activityId, kind, title: `${kind} 活动`, place: '蟠龙镇', areaCode: '520221104', stationId: 'st-a', heldAt, deputyIds, attendance: 20, summary: '会议纪要',
});
