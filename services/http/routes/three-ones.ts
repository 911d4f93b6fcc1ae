import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HuiyinError } from '../../../contracts/errors.js';
import type { Principal } from '../../../contracts/identity.js';
import { myThreeOnesQuery, myThreeOnesResponse, threeOnesQuery, threeOnesResponse } from '../../../contracts/three-ones.js';
import { chinaPeriodsOf, readThreeOnes, type DeputyFilter } from '../../../projections/three-ones/index.js';
import { requireUser } from '../auth/plugin.js';
import { problemResponses } from '../problem.js';

const tags = ['three ones'];
const MODEL = 'three-ones';

/**
 * Whose 三个一 the caller may see: supervisors their area and below,
 * auditors and administrators everyone, staff their stations' deputies, a
 * deputy only themself. An `area` narrows any of these.
 */
export function threeOnesScope(who: Principal, area: string | undefined): DeputyFilter {
  switch (who.role) {
    case 'admin':
    case 'auditor':
      return { area };
    case 'supervisor': {
      const own = who.area;
      if (own === undefined) throw new HuiyinError('AUTH.FORBIDDEN', 'a supervisor without an area sees no deputies');
      if (area !== undefined && !area.startsWith(own)) throw new HuiyinError('AUTH.FORBIDDEN', `your area is ${own}; ${area} lies outside it`);
      return { area: area ?? own };
    }
    case 'staff':
      return { area, stationIds: who.stations };
    case 'deputy':
      return { area, deputyId: who.sub };
    default:
      throw new HuiyinError('AUTH.FORBIDDEN', 'only people of the stations, supervisors, auditors and administrators see the 三个一');
  }
}

/** `GET /api/three-ones` (who is behind) and `GET /api/me/three-ones` (a deputy's own year). */
export const threeOnesRoutes: FastifyPluginAsync = async (plain) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/three-ones',
    { schema: { tags, querystring: threeOnesQuery, response: { 200: threeOnesResponse, ...problemResponses } } },
    async (request) => {
      const who = await requireUser(request);
      const { area, year, behind, minPosition } = request.query;
      const scope = threeOnesScope(who, area);
      // The clock is read here only: which periods have ended is a fact about now.
      const now = new Date().toISOString();
      const judgedYear = year ?? Number(chinaPeriodsOf(now).year);
      const db = await app.readModels.read(MODEL, minPosition);
      const all = readThreeOnes(db, scope, judgedYear, now);
      const items = behind === undefined ? all : all.filter((deputy) => deputy.behind === (behind === 'true'));
      return { year: judgedYear, area: scope.area ?? null, asOf: now, items };
    },
  );

  app.get(
    '/api/me/three-ones',
    { schema: { tags, querystring: myThreeOnesQuery, response: { 200: myThreeOnesResponse, ...problemResponses } } },
    async (request) => {
      const who = await requireUser(request);
      if (who.role !== 'deputy') throw new HuiyinError('AUTH.FORBIDDEN', 'the 三个一 are a deputy’s: see GET /api/three-ones');
      const now = new Date().toISOString();
      const year = request.query.year ?? Number(chinaPeriodsOf(now).year);
      const db = await app.readModels.read(MODEL, request.query.minPosition);
      const [deputy] = readThreeOnes(db, { deputyId: who.sub }, year, now);
      if (!deputy) throw new HuiyinError('DIRECTORY.NOT_FOUND', `the directory lists no deputy ${who.sub}`, { kind: 'deputy', id: who.sub });
      return { year, asOf: now, deputy };
    },
  );
};
