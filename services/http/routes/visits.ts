import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { commandHeaders } from '../../../contracts/http-headers.js';
import { streamIdSchema } from '../../../contracts/ids.js';
import { satisfactionBody, visitBody, visitPage, visitsQuery, visitView } from '../../../contracts/visits.js';
import { listVisits } from '../../../projections/visits/index.js';
import { trackingCodeFor } from '../../../workflows/case/tracking-code.js';
import { caseVisibility } from '../../../workflows/case/permissions.js';
import { cursorKey, encodeCursor } from '../../read-side/cursor.js';
import { viewOf, type VisitService } from '../../visits/visit-service.js';
import { requireUser } from '../auth/plugin.js';
import { commandRequest } from '../command-request.js';
import { problemResponses } from '../problem.js';
import { z } from 'zod';

const tags = ['visits'];
const visitParams = z.strictObject({ id: streamIdSchema.describe('a visit id') });

/** The registration form: register a visit with its matters, list a station's day, record satisfaction. */
export const visitRoutes: FastifyPluginAsync<{ visits: VisitService }> = async (plain, { visits }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/visits',
    { schema: { tags, body: visitBody, headers: commandHeaders, response: { 201: visitView, ...problemResponses } } },
    async (request, reply) => {
      const { view, replayed } = await visits.register(await requireUser(request), request.body, commandRequest(request));
      app.readModels.noteWrite(view.position ?? -1);
      reply.header('location', `/api/visits/${view.id}`).header('etag', `"${view.revision}"`);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/visits',
    { schema: { tags, querystring: visitsQuery, response: { 200: visitPage, ...problemResponses } } },
    async (request) => {
      const who = await requireUser(request);
      const { limit, cursor, minPosition, station, date } = request.query;
      const db = await app.readModels.read('visits', minPosition);
      const page = listVisits(db, caseVisibility(who), { station, day: date }, { limit, after: cursorKey(cursor, ['s', 's']) });
      const items = page.items.map((row) => ({
        ...row,
        matters: row.matters.map((m) => ({
          summary: m.summary, category: m.category, caseId: m.caseId ?? null,
          trackingCode: m.caseId === undefined ? null : trackingCodeFor(m.caseId), answer: m.answer ?? null,
        })),
      }));
      return { items, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );

  app.get(
    '/api/visits/:id',
    { schema: { tags, params: visitParams, response: { 200: visitView, ...problemResponses } } },
    async (request, reply) => {
      const state = await visits.read(await requireUser(request), request.params.id);
      reply.header('etag', `"${state.revision}"`);
      return viewOf(state);
    },
  );

  app.post(
    '/api/visits/:id/satisfaction',
    { schema: { tags, params: visitParams, body: satisfactionBody, headers: commandHeaders, response: { 200: visitView, ...problemResponses } } },
    async (request, reply) => {
      const { view, replayed } = await visits.recordSatisfaction(await requireUser(request), request.params.id, request.body, commandRequest(request));
      app.readModels.noteWrite(view.position ?? -1);
      reply.header('etag', `"${view.revision}"`);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return view;
    },
  );
};
