import type Database from 'better-sqlite3';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Area, Station } from '../../../contracts/directory.js';
import {
  deputyFinderAnswer,
  deputyFinderQuery,
  type DeputyFinderAnswer,
  type PublicStationView,
  type ReceptionCalendar,
} from '../../../contracts/receptions.js';
import {
  areasAbove,
  areasByCode,
  areasNamed,
  deputiesAtStations,
  deputiesNamed,
  stationsNamed,
  stationsOfDeputy,
  stationsServing,
} from '../../../projections/directory/places.js';
import { problemResponses } from '../problem.js';
import { publicRouteConfig, publicSecurity } from '../public-routes.js';

/** Enough for a citizen to pick from; a longer list means the text should be longer. */
const MAX_MATCHES = 20;

/**
 * What the answer says of stations, each worked out once per request
 * (a township station serves every village below it, so it comes up often).
 */
function stationCards(db: Database.Database, calendar: ReceptionCalendar, now: string) {
  const cards = new Map<string, Promise<PublicStationView>>();
  return (stations: Station[]): Promise<PublicStationView[]> => {
    const fresh = stations.filter((station) => !cards.has(station.id));
    const deputies = deputiesAtStations(db, fresh.map((station) => station.id));
    for (const { id, name, kind, areaCode, address } of fresh) {
      const card = calendar
        .nextReception([id], now)
        .then((next) => ({ id, name, kind, areaCode, address, deputies: deputies.get(id) ?? [], nextReception: next ?? null }));
      cards.set(id, card);
    }
    return Promise.all(stations.map((station) => cards.get(station.id)!));
  };
}

/** The places a text names: areas by name, then the areas of stations by name. */
function placesNamed(db: Database.Database, text: string): Area[] {
  const areas = areasNamed(db, text, MAX_MATCHES);
  const seen = new Set(areas.map((area) => area.code));
  const stationAreas = stationsNamed(db, text, MAX_MATCHES)
    .map((station) => station.areaCode)
    .filter((code) => !seen.has(code) && seen.add(code));
  return [...areas, ...areasByCode(db, stationAreas)].slice(0, MAX_MATCHES);
}

/**
 * The online station's finder (查找我的代表): no sign-in. By an area code,
 * or by what a citizen types — a village, a township, a county, a station
 * or a deputy's name, in characters, pinyin initials or full pinyin. Only
 * what is public: places, stations, deputies' names and levels, and when
 * each station next receives visitors.
 */
export const publicDeputyRoutes: FastifyPluginAsync<{ calendar: ReceptionCalendar }> = async (plain, { calendar }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/public/deputies',
    {
      config: publicRouteConfig(app, 'read'),
      schema: { tags: ['public'], ...publicSecurity, querystring: deputyFinderQuery, response: { 200: deputyFinderAnswer, ...problemResponses } },
    },
    async (request): Promise<DeputyFinderAnswer> => {
      const { place, area } = request.query;
      const db = await app.readModels.read('directory');
      const cardsOf = stationCards(db, calendar, new Date().toISOString());
      const places = area !== undefined ? areasByCode(db, [area]) : placesNamed(db, place ?? '');
      const deputies = place !== undefined ? deputiesNamed(db, place, MAX_MATCHES) : [];
      return {
        places: await Promise.all(
          places.map(async ({ code, name }) => ({ code, name, chain: areasAbove(db, code), stations: await cardsOf(stationsServing(db, code)) })),
        ),
        deputies: await Promise.all(
          deputies.map(async ({ id, name, level }) => ({ id, name, level, stations: await cardsOf(stationsOfDeputy(db, id)) })),
        ),
      };
    },
  );
};
