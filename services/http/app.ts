import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { EventStore } from '../../contracts/event-store.js';
import { HuiyinError } from '../../contracts/errors.js';
import { registerAuth } from './auth/plugin.js';
import type { TokenService } from './auth/tokens.js';
import { lazyChildLoggerFactory } from './lazy-child-logger.js';
import { casesPlugin } from './plugins/cases.js';
import { directoryPlugin } from './plugins/directory.js';
import { readModelsPlugin } from './plugins/read-models.js';
import { registerProblemHandlers, sendProblem } from './problem.js';
import { healthRoutes } from './routes/health.js';
import { responseSerializerCompiler } from './serializer.js';

export interface AppOptions {
  store: EventStore;
  tokens: TokenService;
  logger?: FastifyBaseLogger;
  /** SQLite file for read models; ':memory:' (the default) rebuilds them from the log at start. */
  readModelsPath?: string;
  /** The case workflow version new cases are opened under (default: the latest). */
  caseWorkflowVersion?: number;
}

export const BODY_LIMIT = 64 * 1024;

/**
 * The HTTP service: fastify, the one error handler, OpenAPI, sign-in, and
 * one plugin per capability, each closing what it opened. The caller owns
 * the event store (opens it before, closes it after `app.close()`). The
 * scheduler and the web app will join as plugins of their own.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger, childLoggerFactory: lazyChildLoggerFactory } : { logger: false }),
    bodyLimit: BODY_LIMIT,
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
    // Errors the router raises before any route runs still leave as problems.
    frameworkErrors: (error, _request, reply) =>
      sendProblem(
        reply,
        new HuiyinError(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'HTTP.NOT_FOUND' : 'HTTP.BAD_REQUEST', error.message),
      ),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerProblemHandlers(app);

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
  await app.register(casesPlugin, { store: options.store, workflowVersion: options.caseWorkflowVersion });
  await app.register(healthRoutes, { store: options.store });
  return app;
}
