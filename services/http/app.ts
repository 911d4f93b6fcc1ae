import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { EventStore } from '../../contracts/event-store.js';
import { HuiyinError } from '../../contracts/errors.js';
import { registerAuth } from './auth/plugin.js';
import type { TokenService } from './auth/tokens.js';
import { clientErrorHandler, registerNodeRefusals } from './client-errors.js';
import { registerJsonBodyParser } from './json-body.js';
import { lazyChildLoggerFactory } from './lazy-child-logger.js';
import { casesPlugin } from './plugins/cases.js';
import { directoryPlugin } from './plugins/directory.js';
import { limitsPlugin } from './plugins/limits.js';
import { activitiesPlugin } from './plugins/activities.js';
import { appointmentsPlugin } from './plugins/appointments.js';
import { onlineStationPlugin } from './plugins/online-station.js';
import { receptionsPlugin } from './plugins/receptions.js';
import { visitsPlugin } from './plugins/visits.js';
import { readModelsPlugin } from './plugins/read-models.js';
import { readSidePlugin } from './plugins/read-side.js';
import { schedulerPlugin, type SchedulerPluginOptions } from './plugins/scheduler.js';
import { sessionPlugin } from './plugins/session.js';
import { webhookPlugin } from './plugins/webhook.js';
import { webPlugin } from './plugins/web.js';
import type { WebhookOptions } from '../notifications/webhook.js';
import { registerProblemHandlers, sendProblem } from './problem.js';
import { OneLinePerRequest } from './request-log.js';
import { healthRoutes } from './routes/health.js';
import { responseSerializerCompiler } from './serializer.js';
import { registerGracefulClose } from './shutdown.js';
import { connectionsCheckingInterval, transportLimitsFromEnv, type TransportLimits } from './transport-config.js';

export interface AppOptions {
  store: EventStore;
  tokens: TokenService;
  logger?: FastifyBaseLogger;
  /** SQLite file for read models; ':memory:' (the default) rebuilds them from the log at start. */
  readModelsPath?: string;
  /** The case workflow version new cases are opened under (default: the latest). */
  caseWorkflowVersion?: number;
  /** Timeouts, rate limits and pressure thresholds over those the environment sets (transport-config.ts). */
  limits?: Partial<TransportLimits>;
  /**
   * The case read models and their routes (default on). Off only to measure
   * what running them costs the writes (npm run bench: projections.lag).
   */
  readSide?: boolean;
  /**
   * The scheduler (reminders, overdue marks, escalation), on the read side.
   * Off unless asked: a test app's clock must not fire the demo's old deadlines.
   */
  scheduler?: boolean | SchedulerPluginOptions;
  /** Where notifications are delivered beyond the app (a city's SMS or messaging gateway), signed with `secret`. */
  webhook?: Omit<WebhookOptions, 'log'>;
  /** The built web app to serve at `/` (services/web/dist); none in tests of the API alone. */
  webRoot?: string;
}

export const BODY_LIMIT = 64 * 1024;

/** TRUST_PROXY=2: the nearest two proxies are trusted to say who the client is. */
const hopsOf = (hops: number) => (_address: string, hop: number) => hop < hops;

/**
 * The HTTP service: fastify, the one error handler, OpenAPI, sign-in, and
 * one plugin per capability, each closing what it opened. The caller owns
 * the event store (opens it before, closes it after `app.close()`). The
 * web app is a plugin of its own, serving the built pages at `/`.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const limits: TransportLimits = { ...transportLimitsFromEnv(), ...options.limits };
  const log = options.logger;
  const app = Fastify({
    ...(log ? { loggerInstance: log, childLoggerFactory: lazyChildLoggerFactory, logController: new OneLinePerRequest() } : { logger: false }),
    bodyLimit: BODY_LIMIT,
    requestIdHeader: 'x-request-id',
    trustProxy: typeof limits.trustProxy === 'number' ? hopsOf(limits.trustProxy) : limits.trustProxy,
    // Slow clients: Node cuts a request whose headers or body are late, a
    // silent socket, and an idle kept-alive one (transport-config.ts).
    http: {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: connectionsCheckingInterval(limits),
      // Checked in a hook instead, so that the refusal is a problem like the rest.
      requireHostHeader: false,
    },
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    // Requests arriving while closing get a problem from shutdown.ts instead.
    return503OnClosing: false,
    // Errors the router raises before any route runs still leave as problems.
    frameworkErrors: (error, _request, reply) =>
      sendProblem(
        reply,
        new HuiyinError(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'HTTP.NOT_FOUND' : 'HTTP.BAD_REQUEST', error.message),
      ),
    // Errors the HTTP parser raises before fastify sees a request, as problems too.
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerJsonBodyParser(app);
  registerGracefulClose(app, limits.shutdownGraceMs);
  registerNodeRefusals(app);
  // Before sign-in's hook and every route: see plugins/limits.ts.
  await app.register(limitsPlugin, { limits });
  registerProblemHandlers(app, { preHandler: app.rateLimit() });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Huiyin (回音)', description: 'Case tracking for deputy liaison stations', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerAuth(app, options.tokens);
  await app.register(readModelsPlugin, { store: options.store, path: options.readModelsPath ?? ':memory:' });
  await app.register(directoryPlugin, { store: options.store });
  await app.register(sessionPlugin);
  await app.register(casesPlugin, { store: options.store, workflowVersion: options.caseWorkflowVersion });
  if (options.readSide !== false) {
    await app.register(readSidePlugin);
    // The stations' daily work and the online station read the same read models.
    await app.register(receptionsPlugin);
    await app.register(visitsPlugin);
    await app.register(activitiesPlugin);
    await app.register(appointmentsPlugin);
    await app.register(onlineStationPlugin);
  }
  if (options.readSide !== false && options.scheduler) {
    await app.register(schedulerPlugin, options.scheduler === true ? {} : options.scheduler);
  }
  if (options.readSide !== false && options.webhook) await app.register(webhookPlugin, options.webhook);
  await app.register(healthRoutes, { store: options.store });
  if (options.webRoot) await app.register(webPlugin, { root: options.webRoot });
  return app;
}
