import sseModule, { type fastifySSE } from '@fastify/sse';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dashboardQuery, dashboardSchema, totalsQuery, totalsSchema, type Dashboard } from '../../../contracts/dashboard.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { DAY_MS } from '../../../contracts/time.js';
import { TIME_ZONE, dateOf, readDashboard } from '../../../projections/dashboard/index.js';
import { getArea, getStation } from '../../../projections/directory/index.js';
import { dashboardScopeFor, type ResolvedScope } from '../../read-side/dashboard-scope.js';
import { DashboardPusher } from '../../read-side/dashboard-stream.js';
import { totalsOf } from '../../read-side/totals.js';
import { requireUser } from '../auth/plugin.js';
import { problemResponses } from '../problem.js';

const READ_MODEL = 'dashboard';
const tags = ['read side'];
type DashboardQuery = z.infer<typeof dashboardQuery>;

/** The period asked for, defaults filled in: the last 30 days up to today (China time). */
function periodOf(query: DashboardQuery, nowMs: number): { from: string; to: string } {
  const to = query.to ?? dateOf(nowMs);
  const from = query.from ?? dateOf(Date.parse(`${to}T12:00:00${TIME_ZONE}`) - 29 * DAY_MS);
  if (from > to) {
    throw new HuiyinError('HTTP.BAD_REQUEST', 'the period ends before it starts', {
      errors: [{ in: 'querystring', path: 'from', message: `must not be after ${to}` }],
    });
  }
  return { from, to };
}

/** The dashboard of a scope as it stands in the read model now. */
function dashboardOf(app: FastifyInstance, resolved: ResolvedScope, query: DashboardQuery): Dashboard {
  const nowMs = Date.now();
  const period = periodOf(query, nowMs);
  const db = app.readModels.db;
  const figures = readDashboard(db, { scope: resolved.scope, ...period, nowMs, minSample: query.minSample });
  return {
    ...figures,
    byArea: figures.byArea.map((area) => ({ ...area, name: getArea(db, area.areaCode)?.name ?? null })),
    byStation: figures.byStation.map((station) => ({ ...station, name: getStation(db, station.stationId)?.name ?? null })),
    scope: resolved.echo,
    period: { ...period, timeZone: TIME_ZONE },
    minimumSample: query.minSample,
    asOf: new Date(nowMs).toISOString(),
    position: app.readModels.runner(READ_MODEL)?.position() ?? 0,
  };
}

/**
 * The package's CommonJS export, wrapped by fastify-plugin so its route hook
 * reaches the routes below; its named `fastifySSE` is the bare function,
 * which would stay inside a context of its own. The types call the module
 * object the default export, hence the cast.
 */
const sse = sseModule as unknown as typeof fastifySSE;

/**
 * The supervisors' figures: GET /api/dashboard, GET /api/totals, and
 * GET /api/dashboard/stream, which pushes the dashboard of the caller's
 * scope as the read model advances (server-sent events, `id` = the log
 * position, so `Last-Event-ID` resumes). All from the dashboard read model.
 */
export const dashboardRoutes: FastifyPluginAsync = async (plain) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  // Heartbeats keep a quiet stream inside the idle-connection timeout.
  await app.register(sse, { heartbeatInterval: Math.max(1_000, Math.floor((app.server.timeout || 30_000) / 2)) });

  app.get(
    '/api/dashboard',
    { schema: { tags, querystring: dashboardQuery, response: { 200: dashboardSchema, ...problemResponses } } },
    async (request) => {
      const resolved = dashboardScopeFor(await requireUser(request), request.query.area);
      await app.readModels.read(READ_MODEL, request.query.minPosition);
      return dashboardOf(app, resolved, request.query);
    },
  );

  app.get(
    '/api/totals',
    { schema: { tags, querystring: totalsQuery, response: { 200: totalsSchema, ...problemResponses } } },
    async (request) => {
      const resolved = dashboardScopeFor(await requireUser(request), request.query.area);
      const nowMs = Date.now();
      return {
        ...(await totalsOf(app.readModels, resolved.scope, request.query.since, nowMs, request.query.minPosition)),
        scope: resolved.echo,
        since: request.query.since ?? null,
        asOf: new Date(nowMs).toISOString(),
        position: app.readModels.runner(READ_MODEL)?.position() ?? 0,
      };
    },
  );

  // Streams open now, closed when the app closes: an open stream never holds app.close() up.
  const streams = new Set<() => void>();
  app.addHook('preClose', (done) => {
    for (const close of streams) close();
    done();
  });

  app.get(
    '/api/dashboard/stream',
    {
      sse: 'only',
      schema: {
        tags,
        description: 'text/event-stream: `dashboard` events, each the body GET /api/dashboard answers, with the log position as id',
        querystring: dashboardQuery,
        response: { 200: z.string().describe('text/event-stream'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const resolved = dashboardScopeFor(await requireUser(request), request.query.area);
      periodOf(request.query, Date.now());
      await app.readModels.read(READ_MODEL, request.query.minPosition);
      const runner = app.readModels.runner(READ_MODEL)!;
      const pusher = new DashboardPusher({
        compute: () => {
          const figures = dashboardOf(app, resolved, request.query);
          return { position: figures.position, figures };
        },
        send: ({ position, figures }) => reply.sse.send({ id: String(position), event: 'dashboard', data: figures }),
        onError: (error) => {
          request.log.warn({ err: error }, 'the dashboard stream stopped');
          reply.sse.close();
        },
      });
      const unsubscribe = runner.onAdvance(() => pusher.advanced());
      const close = () => {
        pusher.close();
        unsubscribe();
        streams.delete(close);
        reply.sse.close();
      };
      streams.add(close);
      reply.sse.onClose(close);
      reply.sse.keepAlive();
      // A client that already has the figures of this position waits for the next change;
      // any other (new, or resuming from an older position) gets them at once.
      const seen = Number(reply.sse.lastEventId ?? Number.NaN);
      if (seen >= runner.position()) {
        // Node holds written headers back until the first byte of body: flush
        // them, or the client waits for the next change to know it is connected.
        reply.sse.sendHeaders();
        reply.raw.flushHeaders();
      } else await pusher.pushNow();
    },
  );
};
