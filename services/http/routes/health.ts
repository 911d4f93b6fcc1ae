import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { EventStore } from '../../../contracts/event-store.js';
import { HuiyinError } from '../../../contracts/errors.js';

const alive = z.object({ status: z.literal('ok') });
const ready = z.object({ status: z.literal('ready'), logPosition: z.number().int() });
const problem = z.looseObject({ status: z.number(), code: z.string() });

export const healthRoutes: FastifyPluginAsync<{ store: EventStore }> = async (app, { store }) => {
  /** Alive: the process answers. */
  app.get('/healthz', { schema: { hide: true, response: { 200: alive } } }, async () => ({ status: 'ok' as const }));
  /** Ready: the event store answers. */
  app.get('/readyz', { schema: { hide: true, response: { 200: ready, '5xx': problem } } }, async () => {
    try {
      return { status: 'ready' as const, logPosition: await store.headPosition() };
    } catch (error) {
      throw new HuiyinError('STORE.UNAVAILABLE', 'the event store does not answer', { cause: String(error) });
    }
  });
};
