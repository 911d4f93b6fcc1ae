import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { EventStore } from '../../../contracts/event-store.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { integrityReportSchema } from '../../verifier/integrity-monitor.js';

const alive = z.object({ status: z.literal('ok') });
const ready = z.object({
  status: z.literal('ready'),
  logPosition: z.number().int(),
  /** The background hash-chain check, where the service runs one. */
  integrity: integrityReportSchema.optional(),
});
const problem = z.looseObject({ status: z.number(), code: z.string() });

export const healthRoutes: FastifyPluginAsync<{ store: EventStore }> = async (app, { store }) => {
  const integrity = app.hasDecorator('integrity') ? app.integrity : undefined;
  /** Alive: the process answers. */
  app.get('/healthz', { schema: { hide: true, response: { 200: alive } } }, async () => ({ status: 'ok' as const }));
  /**
   * Ready: the event store answers and takes appends. A broken hash chain is
   * listed but leaves the service ready: a restart cannot mend a chain, and
   * taking every instance out of service over one altered event would stop
   * all work while the auditors look into it.
   */
  app.get('/readyz', { schema: { hide: true, response: { 200: ready, '5xx': problem } } }, async () => {
    let logPosition: number;
    try {
      logPosition = await store.headPosition();
    } catch (error) {
      throw new HuiyinError('STORE.UNAVAILABLE', 'the event store does not answer', { cause: String(error) });
    }
    return { status: 'ready' as const, logPosition, ...(integrity ? { integrity: integrity.report() } : {}) };
  });
};
