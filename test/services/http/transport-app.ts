import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import type { EventStore } from '../../../contracts/event-store.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { buildApp } from '../../../services/http/app.js';
import { tokenService } from '../../../services/http/auth/tokens.js';
import { createLogger } from '../../../services/http/logger.js';
import type { TransportLimits } from '../../../services/http/transport-config.js';

export const transportTokens = tokenService('transport-secret');
export const bearer = (sub: string) => ({ authorization: `Bearer ${transportTokens.sign({ sub })}` });

export interface TransportApp {
  app: FastifyInstance;
  store: EventStore;
  /** Every log line written so far, parsed. */
  lines(): Array<Record<string, unknown> & { msg: string }>;
  /** The port, once `listen` has been called. */
  listen(): Promise<number>;
}

/** The whole app over an in-memory log, with the limits the test sets and a logger it can read. */
export async function transportApp(t: Test, limits: Partial<TransportLimits> = {}, level = 'info'): Promise<TransportApp> {
  const written: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void written.push(line) } });
  const store = await openSqliteEventStore({ path: ':memory:' });
  const app = await buildApp({ store, tokens: transportTokens, logger, limits });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  await app.ready();
  return {
    app,
    store,
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string }),
    listen: async () => {
      await app.listen({ host: '127.0.0.1', port: 0 });
      return (app.server.address() as { port: number }).port;
    },
  };
}
