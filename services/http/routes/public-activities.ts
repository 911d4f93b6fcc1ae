import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { publicActivityList, publicActivityQuery } from '../../../contracts/activities.js';
import { readDeputies, readUpcomingActivities, type ActivityRow } from '../../../projections/three-ones/index.js';
import { problemResponses } from '../problem.js';
import { publicRouteConfig, publicSecurity } from '../public-routes.js';

/** The online station shows this many at most: the next few weeks, not the archive. */
const UPCOMING = 50;

/**
 * `GET /api/public/activities?area=`: activities announced and not yet
 * over, for the online station, without signing in. Deputies appear by
 * name (they are public); nothing else about people leaves.
 */
export const publicActivityRoutes: FastifyPluginAsync = async (plain) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/public/activities',
    {
      config: publicRouteConfig(app, 'read'),
      schema: { ...publicSecurity, tags: ['online station'], querystring: publicActivityQuery, response: { 200: publicActivityList, ...problemResponses } },
    },
    async (request) => {
      const db = await app.readModels.read('three-ones');
      const rows = readUpcomingActivities(db, { area: request.query.area, now: new Date().toISOString(), limit: UPCOMING });
      const nameOf = (id: string) => readDeputies(db, { deputyId: id })[0]?.name;
      const shown = (row: ActivityRow) => ({
        id: row.id,
        kind: row.kind,
        title: row.title,
        place: row.place,
        areaCode: row.areaCode,
        stationId: row.stationId,
        startsAt: row.startsAt!,
        endsAt: row.endsAt,
        summary: row.summary,
        deputies: row.deputyIds.flatMap((id) => {
          const name = nameOf(id);
          return name === undefined ? [] : [{ id, name }];
        }),
      });
      return { items: rows.map(shown) };
    },
  );
};
