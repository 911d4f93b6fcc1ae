import type { FastifyPluginAsync } from 'fastify';
import type { EventStore } from '../../../contracts/event-store.js';
import { HuiyinError } from '../../../contracts/errors.js';

export const healthRoutes: FastifyPluginAsync<{ store: EventStore }> = async (app, { store }) => {
  /** Alive: the process answers. */
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  /** Ready: the event store answers. */
  app.get('/readyz', { schema: { hide: true } }, async () => {
    try {
      return { status: 'ready', logPosition: await store.headPosition() };
    } catch (error) {
      throw new HuiyinError('STORE.UNAVAILABLE', 'the event store does not answer', { cause: String(error) });
    }
  });
};
