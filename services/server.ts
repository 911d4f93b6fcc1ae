import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { EventStore } from '../contracts/event-store.js';
import { openEventStore } from './event-store/open-store.js';
import { buildApp } from './http/app.js';
import { loadAuthSecret, tokenService } from './http/auth/tokens.js';
import { createLogger } from './http/logger.js';
import { ensureWebBuilt } from './http/web-build.js';
import { operatorMessage, prepareDataDir, seedDemoIfNew, webhookFromEnv } from './startup.js';

/**
 * `npm start`: the HTTP service on HOST:PORT with data in DATA_DIR. On
 * SIGTERM/SIGINT it stops accepting, lets in-flight requests finish, then
 * closes the store — every acknowledged command is already on disk.
 */
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.DATA_DIR ?? './data';
const logger = createLogger({ pretty: process.stdout.isTTY });

let store: EventStore | undefined;
let app: FastifyInstance | undefined;
try {
  await prepareDataDir(dataDir);
  store = await openEventStore({ dataDir });
  const tokens = tokenService(await loadAuthSecret(dataDir));
  const caseWorkflowVersion = process.env.CASE_WORKFLOW_VERSION ? Number(process.env.CASE_WORKFLOW_VERSION) : undefined;
  // BENCH_READ_SIDE=0 is for the benchmark alone: it measures create-case without the case read models.
  const readSide = process.env.BENCH_READ_SIDE !== '0';
  // SCHEDULER=0 leaves reminders, overdue marks and escalation to another instance.
  const scheduler = process.env.SCHEDULER !== '0';
  const webhook = webhookFromEnv(process.env);
  // WEB_ROOT serves a build of the pages made elsewhere; WEB=0 serves the API alone.
  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  const webRoot = process.env.WEB_ROOT ?? (process.env.WEB === '0' ? undefined : await ensureWebBuilt(projectRoot, logger));
  app = await buildApp({ store, tokens, logger, readModelsPath: join(dataDir, 'read-models.sqlite'), caseWorkflowVersion, readSide, scheduler, webhook, webRoot });
  await app.ready();
  if (process.env.DEMO !== '0') await seedDemoIfNew(app, store, logger);
  await app.listen({ host, port });
} catch (error) {
  // A data directory or an event log the operator has to see to is not a
  // bug: one clear line naming it, no stack trace.
  const line = operatorMessage(error);
  if (line) logger.fatal(line);
  else logger.fatal({ err: error }, 'could not start');
  await app?.close().catch(() => {});
  await store?.close().catch(() => {});
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    void app!
      .close()
      .then(() => store!.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      });
  });
}
