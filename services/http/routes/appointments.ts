import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { appointmentActionBodies, appointmentActions, type AppointmentAction } from '../../../contracts/appointments.js';
import { appointmentIdParams, appointmentListQuery, appointmentPage, appointmentView } from '../../../contracts/appointments-http.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { commandHeaders } from '../../../contracts/http-headers.js';
import { listAppointments } from '../../../projections/appointments/index.js';
import { appointmentVisibility } from '../../../workflows/appointment/index.js';
import type { AppointmentOutcome, AppointmentService } from '../../appointments/appointment-service.js';
import { cursorKey, encodeCursor } from '../../read-side/cursor.js';
import { requireUser } from '../auth/plugin.js';
import { commandRequest } from '../command-request.js';
import { problemResponses } from '../problem.js';

const tags = ['appointments'];

function sendOutcome(reply: FastifyReply, outcome: AppointmentOutcome) {
  reply.header('etag', `"${outcome.view.revision}"`);
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(200).send(outcome.view);
}

/** An action whose data may be empty can be posted without a body. */
const bodyFor = (action: AppointmentAction) => {
  const schema = appointmentActionBodies[action];
  return schema.safeParse({}).success ? schema.nullish() : schema;
};

/** Appointments as the stations, deputies and supervisors work them: lists in their scope, one appointment, its actions. */
export const appointmentRoutes: FastifyPluginAsync<{ appointments: AppointmentService }> = async (plain, { appointments }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/appointments',
    { schema: { tags, querystring: appointmentListQuery, response: { 200: appointmentPage, ...problemResponses } } },
    async (request) => {
      const who = await requireUser(request);
      const { limit, cursor, minPosition, ...filter } = request.query;
      const after = cursorKey(cursor, ['s', 's']) as [string, string] | undefined;
      const db = await app.readModels.read('appointments', minPosition);
      const page = listAppointments(db, appointmentVisibility(who), filter, { limit, after });
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );

  app.get(
    '/api/appointments/:id',
    { schema: { tags, params: appointmentIdParams, response: { 200: appointmentView, ...problemResponses } } },
    async (request, reply) => {
      const { state, rights } = await appointments.read(await requireUser(request), request.params.id);
      reply.header('etag', `"${state.revision}"`);
      return appointments.view(state, rights, new Date().toISOString());
    },
  );

  for (const action of appointmentActions) {
    app.post(
      `/api/appointments/:id/${action}`,
      {
        schema: {
          tags,
          params: appointmentIdParams,
          body: bodyFor(action),
          headers: commandHeaders,
          response: { 200: appointmentView, ...problemResponses },
        },
      },
      async (request, reply) => {
        const who = await requireUser(request);
        const outcome = await appointments.act(who, request.params.id, action, request.body ?? {}, commandRequest(request));
        return sendOutcome(reply, outcome);
      },
    );
  }

  // Unknown actions are not routes; say which exist rather than a bare 404.
  app.post('/api/appointments/:id/:action', { schema: { hide: true } }, async (request) => {
    const { action } = request.params as { action: string };
    throw new HuiyinError('HTTP.NOT_FOUND', `no appointment action ${action}`, { known: appointmentActions });
  });
};
