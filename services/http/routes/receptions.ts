import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Station } from '../../../contracts/directory.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { historySchema } from '../../../contracts/history.js';
import { commandHeaders } from '../../../contracts/http-headers.js';
import type { Principal } from '../../../contracts/identity.js';
import { entryParams } from '../../../contracts/ids.js';
import { receptionList, receptionRangeQuery, receptionScheduleView, rotaWritten } from '../../../contracts/receptions.js';
import { receptionDateBody, receptionDateParams, receptionScheduleBody } from '../../../contracts/rota.js';
import { chinaDateOfInstant, chinaInstant } from '../../../workflows/rota/index.js';
import { mayKeepRota, mayReadWholeRota, type RotaService } from '../../rota/index.js';
import { requireUser } from '../auth/plugin.js';
import { commandRequest } from '../command-request.js';
import { problemResponses } from '../problem.js';
import { publicRouteConfig, publicSecurity } from '../public-routes.js';

const tags = ['receptions'];
const DAY_MS = 86_400_000;
/** The longest range one request may ask for: a year and a little, so a yearly plan fits. */
const MAX_RANGE_DAYS = 400;

const forbidden = (stationId: string) =>
  new HuiyinError('AUTH.FORBIDDEN', `only an administrator, a supervisor of its area, its staff or an auditor may do this for ${stationId}`);
const badQuery = (path: string, message: string) =>
  new HuiyinError('HTTP.BAD_REQUEST', `invalid querystring: ${path}`, { errors: [{ in: 'query', path, message }] });

/**
 * Reception days of a station: its receptions (public for the published
 * window), its rota kept by its staff, supervisors of its area and
 * administrators, and the rota's history.
 */
export const receptionRoutes: FastifyPluginAsync<{ rota: RotaService }> = async (plain, { rota }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const stationOf = (request: FastifyRequest) => rota.options.directory.station(String((request.params as { id?: unknown }).id));

  /**
   * Rights are checked before validation, so a stranger learns nothing of
   * the schema; a station that does not exist is left to the handler's 404.
   */
  const guard = (allowed: (who: Principal, station: Station) => boolean) => async (request: FastifyRequest) => {
    const who = await requireUser(request);
    const station = await stationOf(request);
    if (station && !allowed(who, station)) throw forbidden(station.id);
  };
  const keepers = guard(mayKeepRota);
  const wholeReaders = guard((who, station) => mayReadWholeRota(who, station));

  app.get(
    '/api/stations/:id/receptions',
    {
      config: publicRouteConfig(app, 'read'),
      schema: { tags, ...publicSecurity, params: entryParams, querystring: receptionRangeQuery, response: { 200: receptionList, ...problemResponses } },
    },
    async (request) => {
      const { id } = request.params;
      const station = await rota.station(id);
      const who = request.identity ? await requireUser(request) : undefined;
      const now = Date.now();
      const published = {
        from: chinaInstant(chinaDateOfInstant(new Date(now).toISOString()), '00:00'),
        to: new Date(now + (await rota.publishDaysAhead(id)) * DAY_MS).toISOString(),
      };
      let { from = published.from, to = published.to } = request.query;
      if (to <= from) throw badQuery('to', 'must be after from');
      if (Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS * DAY_MS) throw badQuery('to', `at most ${MAX_RANGE_DAYS} days after from`);
      // Everyone else sees what the station has published: from today to as far ahead as it says.
      const narrowed = !mayReadWholeRota(who, station) && (from < published.from || to > published.to);
      if (narrowed) {
        from = from < published.from ? published.from : from;
        to = to > published.to ? published.to : to;
      }
      const items = from < to ? await rota.receptions(id, from, to) : [];
      return { stationId: id, from, to, narrowed, items };
    },
  );

  app.get(
    '/api/stations/:id/reception-schedule',
    { preValidation: wholeReaders, schema: { tags, params: entryParams, response: { 200: receptionScheduleView, ...problemResponses } } },
    async (request, reply) => {
      const { id } = request.params;
      const station = await rota.station(id);
      if (!mayReadWholeRota(await requireUser(request), station)) throw forbidden(id);
      const view = await rota.view(id, new Date().toISOString());
      return reply.header('etag', `"${view.revision}"`).send(view);
    },
  );

  app.put(
    '/api/stations/:id/reception-schedule',
    {
      preValidation: keepers,
      schema: { tags, headers: commandHeaders, params: entryParams, body: receptionScheduleBody, response: { 200: rotaWritten, ...problemResponses } },
    },
    async (request, reply) => {
      const write = await rota.setSchedule(await requireUser(request), request.params.id, request.body, commandRequest(request));
      return reply.header('etag', `"${write.revision}"`).send(write);
    },
  );

  app.post(
    '/api/stations/:id/receptions/:date',
    {
      preValidation: keepers,
      schema: { tags, headers: commandHeaders, params: receptionDateParams, body: receptionDateBody, response: { 200: rotaWritten, ...problemResponses } },
    },
    async (request, reply) => {
      const { id, date } = request.params;
      const change = { date, ...request.body };
      const write = await rota.changeDate(await requireUser(request), id, change, commandRequest(request));
      return reply.header('etag', `"${write.revision}"`).send(write);
    },
  );

  app.get(
    '/api/stations/:id/reception-schedule/history',
    { preValidation: wholeReaders, schema: { tags, params: entryParams, response: { 200: historySchema, ...problemResponses } } },
    async (request) => {
      const { id } = request.params;
      const station = await rota.station(id);
      if (!mayReadWholeRota(await requireUser(request), station)) throw forbidden(id);
      return { events: await rota.history(id) };
    },
  );
};
