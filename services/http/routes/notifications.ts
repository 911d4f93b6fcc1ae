import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commandHeaders } from '../../../contracts/http-headers.js';
import { markReadBody, notificationPage, notificationQuery } from '../../../contracts/notifications.js';
import { lastNotificationId, readNotifications } from '../../../projections/notifications/index.js';
import { inboxWorkflow } from '../../../workflows/inbox/index.js';
import { WorkflowEngine } from '../../../workflows/engine/engine.js';
import { actorOf, commandEnvelope } from '../../commands/envelope.js';
import { cursorKey, encodeCursor } from '../../read-side/cursor.js';
import { requireUser } from '../auth/plugin.js';
import { commandRequest } from '../command-request.js';
import { problemResponses } from '../problem.js';

const tags = ['notifications'];
const MODEL = 'notifications';

/** The page's start: after (read, id) of the last notification seen. */
function cursorOf(cursor: string | undefined): { read: number; id: number } | undefined {
  const key = cursorKey(cursor, ['bit', 'n']) as [number, number] | undefined;
  return key && { read: key[0], id: key[1] };
}

/** A person's notifications (`/api/me/notifications`): unread first, and marking them read. */
export const notificationRoutes: FastifyPluginAsync = async (plain) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const inboxes = new WorkflowEngine(app.readModels.store, inboxWorkflow);

  app.get(
    '/api/me/notifications',
    { schema: { tags, querystring: notificationQuery, response: { 200: notificationPage, ...problemResponses } } },
    async (request) => {
      const who = await requireUser(request);
      const { limit, cursor, minPosition, unread } = request.query;
      const db = await app.readModels.read(MODEL, minPosition);
      const page = readNotifications(db, who.sub, { unreadOnly: unread === 'true', limit, after: cursorOf(cursor) });
      return { items: page.items, unreadCount: page.unreadCount, nextCursor: page.next ? encodeCursor([page.next.read, page.next.id]) : null };
    },
  );

  app.post(
    '/api/me/notifications/read',
    {
      schema: {
        tags,
        body: markReadBody,
        headers: commandHeaders,
        response: { 200: z.object({ position: z.number().int(), upTo: z.string().nullable() }), ...problemResponses },
      },
    },
    async (request) => {
      const who = await requireUser(request);
      const body = request.body;
      // "Everything": everything the person could have seen when they asked.
      const upTo = 'all' in body ? lastNotificationId(await app.readModels.read(MODEL), who.sub) : undefined;
      const data = { ids: 'ids' in body ? body.ids : [], upTo: upTo === undefined ? null : String(upTo) };
      if (data.ids.length === 0 && data.upTo === null) return { position: app.readModels.lastWrite, upTo: null };
      const result = await inboxes.execute(commandEnvelope(actorOf(who), who.sub, 'mark-read', data, commandRequest(request)), { validated: true });
      app.readModels.noteWrite(result.position);
      return { position: result.position, upTo: data.upTo };
    },
  );
};
