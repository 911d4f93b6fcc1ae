import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { EventStore } from '../../contracts/event-store.js';
import { createDirectory } from '../directory/index.js';
import { registerAuth } from './auth/plugin.js';
import type { TokenService } from './auth/tokens.js';
import { lazyChildLoggerFactory } from './lazy-child-logger.js';
import { registerProblemHandlers, sendProblem } from './problem.js';
import { HuiyinError } from '../../contracts/errors.js';
import { caseRoutes } from './routes/cases.js';
import { directoryRoutes } from './routes/directory.js';
import { healthRoutes } from './routes/health.js';
import { CaseService } from '../cases/case-service.js';
import { seedDemo } from '../demo/seed.js';

export interface AppOptions {
  store: EventStore;
  tokens: TokenService;
  logger?: FastifyBaseLogger;
  /** SQLite file for read models; ':memory:' (the default) rebuilds them from the log at start. */
  readModelsPath?: string;
  /** Seed the made-up demo data set when the store is empty. */
  demo?: boolean;
}

export const BODY_LIMIT = 64 * 1024;

/**
 * The whole HTTP service as one fastify instance. The caller owns the event
 * store (opens it before, closes it after `app.close()`); the app owns what
 * it builds on top of it.
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
  app.setSerializerCompiler(serializerCompiler);
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
  const directory = await createDirectory({
    store: options.store,
    readModelsPath: options.readModelsPath ?? ':memory:',
    onProjectionError: (error) => app.log.error({ err: error }, 'a projection stopped'),
  });
  const cases = new CaseService(options.store, directory);
  app.addHook('onClose', async () => directory.close());
  if (options.demo && (await options.store.headPosition()) === 0) {
    const seeded = await seedDemo(directory, cases);
    app.log.info(seeded, 'seeded the demo data set (DEMO=0 skips it)');
  }

  await app.register(healthRoutes, { store: options.store });
  await app.register(directoryRoutes, { directory });
  await app.register(caseRoutes, { cases });
  return app;
}
