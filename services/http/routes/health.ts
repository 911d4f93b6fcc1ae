import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { EventStore } from '../../../contracts/event-store.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { integrityReportSchema } from '../../verifier/integrity-monitor.js';
import { sendProblem } from '../problem.js';
import { projectionFailureSchema } from './projections.js';

const failedProjection = projectionFailureSchema.extend({ projection: z.string() });
const alive = z.object({ status: z.literal('ok') });
const ready = z.object({
  status: z.literal('ready'),
  logPosition: z.number().int(),
  /** The background hash-chain check, where the service runs one. */
  integrity: integrityReportSchema.optional(),
  /** Read models stopped on an event they could not apply; their reads answer 503 until rebuilt. */
  failedProjections: z.array(failedProjection).optional(),
});
const problem = z.looseObject({ status: z.number(), code: z.string() });

export const healthRoutes: FastifyPluginAsync<{ store: EventStore }> = async (app, { store }) => {
  const integrity = app.hasDecorator('integrity') ? app.integrity : undefined;
  const readModels = app.hasDecorator('readModels') ? app.readModels : undefined;
  /** Alive: the process answers. */
  app.get('/healthz', { schema: { hide: true, response: { 200: alive } } }, async () => ({ status: 'ok' as const }));
  /**
   * Ready: the event store answers and takes appends, and every read model
   * has caught up with the log as it stood at start — before that, lists
   * would be answered from half-built tables, so a load balancer should send
   * reads elsewhere (503, naming the models still catching up).
   *
   * Once caught up the instance stays ready: a model behind for a moment in
   * normal running is what read-your-writes already waits for per request
   * (then 503 for that read only), and flipping the whole instance on every
   * burst of writes would take it in and out of rotation.
   *
   * A broken hash chain and a failed projection are listed but leave the
   * service ready: a restart mends neither (the same event fails the same
   * code again), and taking every instance out of service would stop the
   * writes and every other read while the cause is looked into; the failed
   * model's own reads answer 503 READ_MODEL.FAILED.
   */
  app.get('/readyz', { schema: { hide: true, response: { 200: ready, '5xx': problem } } }, async (_request, reply) => {
    let logPosition: number;
    try {
      logPosition = await store.headPosition();
    } catch (error) {
      throw new HuiyinError('STORE.UNAVAILABLE', 'the event store does not answer', { cause: String(error) });
    }
    const models = readModels?.readiness();
    if (models && !models.ready) {
      const waiting = new HuiyinError('READ_MODEL.BEHIND', `read models still catching up with the log: ${models.catchingUp.join(', ')}`);
      return sendProblem(reply, waiting, { catchingUp: models.catchingUp, logPosition });
    }
    return {
      status: 'ready' as const,
      logPosition,
      ...(integrity ? { integrity: integrity.report() } : {}),
      ...(models && models.failed.length > 0 ? { failedProjections: models.failed } : {}),
    };
  });
};
