import { z } from 'zod';
import { eventContract } from './event-contract.js';
import { deadlineKinds } from './case/timers.js';
import { pageQuery } from './read-side.js';

/**
 * What a person is told of (通知): a case assigned to them, a deadline
 * they must answer nearing or passed, a case escalated to them. Each is
 * derived from a case event by the notifications read model, addressed
 * to a person as the directory listed them when the event happened.
 */
export const notificationKinds = ['assigned', 'reminder', 'overdue', 'escalated'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationSchema = z.object({
  /** Unique per person; ids grow with the log. */
  id: z.string(),
  kind: z.enum(notificationKinds),
  caseId: z.string(),
  trackingCode: z.string(),
  summary: z.string(),
  /** The deadline a reminder or an overdue mark is about, and when it is or was due. */
  deadline: z.enum(deadlineKinds).nullable(),
  dueBy: z.string().nullable(),
  /** When what it tells of happened. */
  at: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationQuery = pageQuery.extend({
  /** `true`: unread ones only. */
  unread: z.enum(['true', 'false']).default('false'),
});

export const notificationPage = z.object({
  /** Unread first, then read; newest first within each. */
  items: z.array(notificationSchema),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});

/** `POST /api/me/notifications/read`: these ids, or everything so far. */
export const markReadBody = z.union([
  z.strictObject({ ids: z.array(z.string().regex(/^\d{1,15}$/, 'a notification id')).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);

/**
 * A person's inbox stream (`inbox-<account id>`) records what they have
 * read, so "read" survives a rebuild of the read model like everything else.
 */
export const inboxEventContracts = {
  /** `ids`: these notifications; `upTo`: every notification up to this id. */
  NotificationsRead: eventContract(z.strictObject({ ids: z.array(z.string()), upTo: z.string().nullable() })),
} as const;
