import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activityActions, activityIdParams, activityListQuery, activityListSchema, activityViewSchema, cancelActivityBody, holdActivityBody, newActivityBody,
} from '../../../contracts/activities.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { commandHeaders } from '../../../contracts/http-headers.js';
import { readActivities } from '../../../projections/three-ones/index.js';
import type { ActivityOutcome, ActivityService } from '../../activities/activity-service.js';
import { requireUser } from '../auth/plugin.js';
import { commandRequest } from '../command-request.js';
import { problemResponses } from '../problem.js';

const tags = ['activities'];
const bodies = { hold: holdActivityBody, cancel: cancelActivityBody } as const;

/**
 * Activities: announce one or record one held (`POST /api/activities`), hold
 * or call off an announced one, read one, and list an area's. Activities
 * are the deputies' public work, so anyone signed in reads them; who may
 * write is the workflow's rule (workflows/activity/rights.ts).
 */
export const activityRoutes: FastifyPluginAsync<{ activities: ActivityService }> = async (plain, { activities }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const send = (reply: FastifyReply, outcome: ActivityOutcome, status: 200 | 201) => {
    if (outcome.view.position !== undefined) app.readModels.noteWrite(outcome.view.position);
    reply.header('etag', `"${outcome.view.revision}"`);
    if (outcome.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(status).send(outcome.view);
  };

  app.post(
    '/api/activities',
    { schema: { tags, body: newActivityBody, headers: commandHeaders, response: { 201: activityViewSchema, ...problemResponses } } },
    async (request, reply) => {
      const outcome = await activities.create(await requireUser(request), request.body, commandRequest(request));
      reply.header('location', `/api/activities/${outcome.view.id}`);
      return send(reply, outcome, 201);
    },
  );

  app.get(
    '/api/activities/:id',
    { schema: { tags, params: activityIdParams, response: { 200: activityViewSchema, ...problemResponses } } },
    async (request, reply) => {
      const { view } = await activities.read(await requireUser(request), request.params.id);
      reply.header('etag', `"${view.revision}"`);
      return view;
    },
  );

  for (const action of activityActions) {
    app.post(
      `/api/activities/:id/${action}`,
      {
        schema: { tags, params: activityIdParams, body: bodies[action], headers: commandHeaders, response: { 200: activityViewSchema, ...problemResponses } },
      },
      async (request, reply) => {
        const outcome = await activities.act(await requireUser(request), request.params.id, action, request.body, commandRequest(request));
        return send(reply, outcome, 200);
      },
    );
  }

  app.post('/api/activities/:id/:action', { schema: { hide: true } }, async (request) => {
    const { action } = request.params as { action: string };
    throw new HuiyinError('HTTP.NOT_FOUND', `no activity action ${action}`, { known: activityActions });
  });

  app.get(
    '/api/activities',
    { schema: { tags, querystring: activityListQuery, response: { 200: activityListSchema, ...problemResponses } } },
    async (request) => {
      await requireUser(request);
      const { area, from, to, limit, minPosition } = request.query;
      const db = await app.readModels.read('three-ones', minPosition);
      const items = readActivities(db, { area, from, to, limit }).map(({ at: _at, ...row }) => row);
      return { items };
    },
  );
};
