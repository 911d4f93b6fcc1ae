import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { appointmentCodeParams, bookingAnswer, bookingBody, phone4Query, publicAppointmentView, publicCancelBody, slotsAnswer, slotsParams, slotsQuery } from '../../../contracts/appointments-http.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { commandHeaders } from '../../../contracts/http-headers.js';
import { DAY_MS } from '../../../contracts/time.js';
import type { OnlineBookings } from '../../appointments/online-bookings.js';
import { commandRequest } from '../command-request.js';
import { problemResponses } from '../problem.js';
import { PUBLIC_BODY_LIMIT, publicRouteConfig, publicSecurity } from '../public-routes.js';

const tags = ['online station'];
/** Two weeks ahead unless asked; a month at most, so one request cannot make the rota list a year. */
const DEFAULT_DAYS = 14;
const MAX_DAYS = 31;

function slotWindow(query: { from?: string; to?: string }, now: string): { from: string; to: string } {
  const from = query.from ?? now;
  const to = query.to ?? new Date(Date.parse(from) + DEFAULT_DAYS * DAY_MS).toISOString();
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0 || span > MAX_DAYS * DAY_MS) {
    throw new HuiyinError('HTTP.BAD_REQUEST', 'invalid query: to', {
      errors: [{ in: 'query', path: 'to', message: `must be after from, and at most ${MAX_DAYS} days after it` }],
    });
  }
  return { from, to };
}

/** The online station's appointments: a deputy's free slots, booking one, and following or calling off a booking. */
export const publicAppointmentRoutes: FastifyPluginAsync<{ bookings: OnlineBookings }> = async (plain, { bookings }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/public/deputies/:id/slots',
    {
      config: publicRouteConfig(app, 'read'),
      schema: { ...publicSecurity, tags, params: slotsParams, querystring: slotsQuery, response: { 200: slotsAnswer, ...problemResponses } },
    },
    async (request) => {
      const now = new Date().toISOString();
      const { id } = request.params;
      const slots = await bookings.appointments.slots.offered(id, slotWindow(request.query, now), now);
      if (!slots) throw new HuiyinError('HTTP.NOT_FOUND', `no deputy ${id}`);
      return { deputyId: id, slots: await bookings.appointments.slots.named(slots) };
    },
  );

  app.post(
    '/api/public/appointments',
    {
      config: publicRouteConfig(app, 'write'),
      bodyLimit: PUBLIC_BODY_LIMIT,
      schema: { ...publicSecurity, tags, body: bookingBody, headers: commandHeaders, response: { 201: bookingAnswer, ...problemResponses } },
    },
    async (request, reply) => {
      const { trackingCode, status, replayed } = await bookings.book(request.body, commandRequest(request));
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send({ trackingCode, status });
    },
  );

  app.get(
    '/api/public/appointments/:trackingCode',
    {
      config: publicRouteConfig(app, 'track'),
      schema: {
        ...publicSecurity,
        tags,
        params: appointmentCodeParams,
        querystring: phone4Query,
        response: { 200: publicAppointmentView, ...problemResponses },
      },
    },
    async (request) => bookings.publicView(await bookings.find(request.params.trackingCode, request.query.phone4)),
  );

  app.post(
    '/api/public/appointments/:trackingCode/cancel',
    {
      config: publicRouteConfig(app, 'write'),
      bodyLimit: PUBLIC_BODY_LIMIT,
      schema: {
        ...publicSecurity,
        tags,
        params: appointmentCodeParams,
        querystring: phone4Query,
        body: publicCancelBody.nullish(),
        headers: commandHeaders,
        response: { 200: publicAppointmentView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { trackingCode } = request.params;
      const outcome = await bookings.cancel(trackingCode, request.query.phone4, request.body, commandRequest(request));
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return bookings.publicView(await bookings.appointments.load(outcome.view.id));
    },
  );
};
