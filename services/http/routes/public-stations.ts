import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DEFAULT_MINIMUM_SAMPLE } from '../../../contracts/dashboard.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { publicStationFigures, publicStationParams } from '../../../contracts/online-station.js';
import { DAY_MS } from '../../../contracts/time.js';
import { dateOf, readDashboard } from '../../../projections/dashboard/index.js';
import { totalsOf } from '../../read-side/totals.js';
import { problemResponses } from '../problem.js';
import { publicRouteConfig, publicSecurity } from '../public-routes.js';

/**
 * `GET /api/public/stations/{id}`: what a station has done, for anyone —
 * the wall tiles of the source article (receptions held, matters received
 * and done) and the three rates with how each is computed. Counts only:
 * the answer's schema has no field a person could be named in.
 */
export const publicStationRoutes: FastifyPluginAsync = async (plain) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/public/stations/:id',
    {
      config: publicRouteConfig(app, 'read'),
      schema: { tags: ['online station'], ...publicSecurity, params: publicStationParams, response: { 200: publicStationFigures, ...problemResponses } },
    },
    async (request) => {
      const station = await app.directory.station(request.params.id);
      if (!station) throw new HuiyinError('HTTP.NOT_FOUND', `no station ${request.params.id}`);
      const nowMs = Date.now();
      const scope = { stationIds: [station.id] };
      const totals = await totalsOf(app.readModels, scope, undefined, nowMs);
      const to = dateOf(nowMs);
      const from = dateOf(nowMs - 364 * DAY_MS);
      const figures = readDashboard(await app.readModels.read('dashboard'), { scope, from, to, nowMs, minSample: DEFAULT_MINIMUM_SAMPLE });
      return {
        stationId: station.id,
        name: station.name,
        kind: station.kind,
        areaCode: station.areaCode,
        address: station.address,
        receptionsHeld: totals.voterReceptions,
        mattersReceived: totals.opinionsCollected.total,
        mattersAnswered: totals.casesAnswered + totals.answeredOnSpot,
        rates: figures.rates,
        ratesPeriod: { from, to },
        asOf: new Date(nowMs).toISOString(),
      };
    },
  );
};
