import fp from 'fastify-plugin';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pendingCount } from '../../../projections/deadlines/index.js';
import type { Clock } from '../../scheduler/clock.js';
import { Scheduler } from '../../scheduler/scheduler.js';
import { requireRole } from '../auth/plugin.js';
import { problemResponses } from '../problem.js';

declare module 'fastify' {
  interface FastifyInstance {
    scheduler: Scheduler;
  }
}

export interface SchedulerPluginOptions {
  clock?: Clock;
}

const schedulerStatusSchema = z.object({
  /** Firings this instance sent that the case recorded. */
  fired: z.number().int(),
  /** Firings sent that the case had recorded already (another instance, a retry) or no longer waited for. */
  moot: z.number().int(),
  failed: z.number().int(),
  /** How often it read its queue: once per wake at most while idle. */
  queueReads: z.number().int(),
  /** Firings pending in the deadlines read model. */
  pending: z.number().int(),
  nextWakeAt: z.string().nullable(),
});

/**
 * The scheduler: reminders, overdue marks and escalation fire by
 * themselves once the app is ready, and stop before it closes. Every
 * instance runs one; they need no lock (see services/scheduler).
 */
export const schedulerPlugin = fp<SchedulerPluginOptions>(
  async (app, options) => {
    const scheduler = new Scheduler({ cases: app.cases, readModels: app.readModels, signal: app.timerSignal, clock: options.clock, log: app.log });
    app.decorate('scheduler', scheduler);
    // Not awaited: catching up on what came due while down must not hold the server's start.
    app.addHook('onReady', async () => void scheduler.start());
    app.addHook('preClose', async () => scheduler.stop());
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/scheduler',
      { schema: { tags: ['operations'], response: { 200: schedulerStatusSchema, ...problemResponses } } },
      async (request) => {
        await requireRole(request, 'admin', 'auditor');
        return { ...scheduler.status, pending: pendingCount(app.readModels.db) };
      },
    );
  },
  { name: 'huiyin-scheduler', dependencies: ['huiyin-read-side', 'huiyin-cases'] },
);
