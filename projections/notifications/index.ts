import type Database from 'better-sqlite3';
import type { CaseEvent } from '../../contracts/case/events.js';
import type { NotificationKind } from '../../contracts/notifications.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { caseFactOf } from '../case-events.js';
import { preparedPerDb } from '../prepared.js';
import type { Projection } from '../runner.js';
import { NOTIFICATIONS_VERSION, notificationTables as t, notificationsDdl } from './schema.js';

const statementsFor = preparedPerDb((db: Database.Database) => ({
  account: db.prepare<[string], { role: string; station_ids: string; area: string | null; active: number }>(
    `SELECT role, station_ids, area, active FROM ${t.accounts} WHERE id = ?`,
  ),
  putAccount: db.prepare(`INSERT OR REPLACE INTO ${t.accounts} (id, role, station_ids, area, active) VALUES (?, ?, ?, ?, ?)`),
  staffOf: db.prepare<[string], { id: string }>(
    `SELECT id FROM ${t.accounts} WHERE role = 'staff' AND active = 1 AND EXISTS (SELECT 1 FROM json_each(station_ids) WHERE value = ?) ORDER BY id`,
  ),
  supervisorsOf: db.prepare<[string], { id: string }>(
    `SELECT id FROM ${t.accounts} WHERE role = 'supervisor' AND active = 1 AND area IS NOT NULL AND substr(?, 1, length(area)) = area ORDER BY id`,
  ),
  putCase: db.prepare(`INSERT OR REPLACE INTO ${t.cases} (case_id, tracking_code, summary, station_id, area_code) VALUES (?, ?, ?, ?, ?)`),
  caseOf: db.prepare<[string], { station_id: string; area_code: string }>(`SELECT station_id, area_code FROM ${t.cases} WHERE case_id = ?`),
  put: db.prepare(`INSERT OR IGNORE INTO ${t.items} (recipient, id, case_id, kind, deadline, due_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
  readOne: db.prepare(`UPDATE ${t.items} SET read = 1 WHERE recipient = ? AND id = ?`),
  readUpTo: db.prepare(`UPDATE ${t.items} SET read = 1 WHERE recipient = ? AND read = 0 AND id <= ?`),
}));

type Statements = ReturnType<typeof statementsFor>;
type AccountData = { id: string; role?: string; stationIds?: string[]; area?: string; active?: boolean };

function applyAccount(s: Statements, data: AccountData): void {
  const before = s.account.get(data.id);
  const stationIds = data.stationIds ?? (before ? (JSON.parse(before.station_ids) as string[]) : []);
  const active = data.active ?? (before ? before.active === 1 : true);
  s.putAccount.run(data.id, data.role ?? before?.role ?? 'staff', JSON.stringify(stationIds), data.area ?? before?.area ?? null, active ? 1 : 0);
}

/** Who an event tells, and of what: none for most events. */
function addressed(s: Statements, caseId: string, event: CaseEvent): { kind: NotificationKind; to: string[]; deadline?: string; dueBy?: string } | undefined {
  switch (event.type) {
    case 'CaseAssigned':
    case 'CaseReassigned':
      return { kind: 'assigned', to: event.data.deputyIds };
    case 'ReminderSent':
    case 'CaseWentOverdue': {
      const { deputyIds, stationStaff } = event.data.to;
      const to = stationStaff === null ? deputyIds : s.staffOf.all(stationStaff).map((r) => r.id);
      return { kind: event.type === 'ReminderSent' ? 'reminder' : 'overdue', to, deadline: event.data.deadline, dueBy: event.data.dueBy };
    }
    case 'CaseEscalated': {
      const { automatic, to, dueBy } = event.data;
      if (automatic) {
        const area = s.caseOf.get(caseId)?.area_code ?? '';
        const to = automatic.supervisorIds.length > 0 ? automatic.supervisorIds : s.supervisorsOf.all(area).map((r) => r.id);
        return { kind: 'escalated', to, deadline: automatic.deadline, dueBy: automatic.dueBy };
      }
      // A person's 督办 names whom it goes to: told when that is an account.
      const named = to !== null && s.account.get(to) ? [to] : [];
      return { kind: 'escalated', to: named, ...(dueBy === null ? {} : { deadline: 'escalation', dueBy }) };
    }
    default:
      return undefined;
  }
}

function evolve(db: Database.Database, recorded: RecordedEvent): void {
  const s = statementsFor(db);
  if (recorded.type === 'AccountRegistered' || recorded.type === 'AccountUpdated') return applyAccount(s, recorded.data as AccountData);
  if (recorded.type === 'NotificationsRead') {
    const recipient = recorded.streamName.slice('inbox-'.length);
    const { ids, upTo } = recorded.data as { ids: string[]; upTo: string | null };
    for (const id of ids) s.readOne.run(recipient, Number(id));
    if (upTo !== null) s.readUpTo.run(recipient, Number(upTo));
    return;
  }
  const fact = caseFactOf(recorded);
  if (!fact) return;
  const { event, caseId } = fact;
  if (event.type === 'CaseReceived') {
    const { trackingCode, summary, stationId, areaCode } = event.data;
    s.putCase.run(caseId, trackingCode, summary.length > 60 ? `${summary.slice(0, 59)}…` : summary, stationId, areaCode);
    return;
  }
  const note = addressed(s, caseId, event);
  if (!note) return;
  for (const recipient of new Set(note.to)) {
    s.put.run(recipient, fact.position, caseId, note.kind, note.deadline ?? null, note.dueBy ?? null, fact.occurredAt);
  }
}

/**
 * notifications@1: every assignment, reminder, overdue mark and escalation
 * addressed to a person, and which of them they have read (their inbox
 * stream). Reads case, account and inbox streams.
 */
export const notificationsProjection: Projection = {
  name: 'notifications',
  version: NOTIFICATIONS_VERSION,
  filter: { kind: 'category', categories: ['case', 'account', 'inbox'] },
  ddl: notificationsDdl,
  evolve,
};

export { lastNotificationId, newestNotificationId, notificationOf, notificationsAfter, notificationsOfEvent, readNotifications, type NotificationRow } from './queries.js';
export { NOTIFICATIONS_VERSION, notificationTables } from './schema.js';
