import type Database from 'better-sqlite3';
import type { Notification } from '../../contracts/notifications.js';
import { preparedPerDb } from '../prepared.js';
import { notificationTables as t } from './schema.js';

export interface NotificationRow {
  recipient: string;
  id: number;
  case_id: string;
  kind: Notification['kind'];
  deadline: Notification['deadline'];
  due_by: string | null;
  at: string;
  read: number;
  tracking_code: string;
  summary: string;
}

const columns = `n.recipient, n.id, n.case_id, n.kind, n.deadline, n.due_by, n.at, n.read, c.tracking_code, c.summary`;
const from = `${t.items} n JOIN ${t.cases} c ON c.case_id = n.case_id`;

const statementsFor = preparedPerDb((db: Database.Database) => ({
  // Unread (read = 0) before read, newest first: one walk of the (recipient, read, id) index from a cursor.
  page: db.prepare<[string, number, number, number, number, number], NotificationRow>(
    `SELECT ${columns} FROM ${from} WHERE n.recipient = ? AND n.read <= ? AND (n.read > ? OR (n.read = ? AND n.id < ?))
     ORDER BY n.read, n.id DESC LIMIT ?`,
  ),
  unread: db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM ${t.items} WHERE recipient = ? AND read = 0`),
  newest: db.prepare<[], { id: number | null }>(`SELECT MAX(id) AS id FROM ${t.items}`),
  last: db.prepare<[string], { id: number | null }>(`SELECT MAX(id) AS id FROM ${t.items} WHERE recipient = ?`),
  at: db.prepare<[number], NotificationRow>(`SELECT ${columns} FROM ${from} WHERE n.id = ? ORDER BY n.recipient`),
  after: db.prepare<[number, number], NotificationRow>(`SELECT ${columns} FROM ${from} WHERE n.id > ? ORDER BY n.id, n.recipient LIMIT ?`),
}));

export const notificationOf = (row: NotificationRow): Notification => ({
  id: String(row.id),
  kind: row.kind,
  caseId: row.case_id,
  trackingCode: row.tracking_code,
  summary: row.summary,
  deadline: row.deadline,
  dueBy: row.due_by,
  at: row.at,
  read: row.read === 1,
});

/** Where a page starts: after (read, id); the first page starts before everything. */
export interface NotificationCursor {
  read: number;
  id: number;
}

/** One page of a person's notifications, unread first; `unreadOnly` stops at the read ones. */
export function readNotifications(db: Database.Database, recipient: string, options: { unreadOnly: boolean; limit: number; after?: NotificationCursor }) {
  const { read, id } = options.after ?? { read: 0, id: Number.MAX_SAFE_INTEGER };
  const rows = statementsFor(db).page.all(recipient, options.unreadOnly ? 0 : 1, read, read, id, options.limit + 1);
  const more = rows.length > options.limit;
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return {
    items: items.map(notificationOf),
    unreadCount: statementsFor(db).unread.get(recipient)?.n ?? 0,
    next: more && last ? { read: last.read, id: last.id } : undefined,
  };
}

/** Notifications of everyone with an id above `id`, in id order: what an outbox delivers next. */
export function notificationsAfter(db: Database.Database, id: number, limit: number): NotificationRow[] {
  return statementsFor(db).after.all(id, limit);
}

/** The id of a person's newest notification; undefined when they have none. */
export function lastNotificationId(db: Database.Database, recipient: string): number | undefined {
  return statementsFor(db).last.get(recipient)?.id ?? undefined;
}

/** The id of the newest notification of anyone; 0 when there is none. */
export function newestNotificationId(db: Database.Database): number {
  return statementsFor(db).newest.get()?.id ?? 0;
}

/** Every notification one event made (one per person it told). */
export function notificationsOfEvent(db: Database.Database, id: number): NotificationRow[] {
  return statementsFor(db).at.all(id);
}
