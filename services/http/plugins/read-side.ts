import fp from 'fastify-plugin';
import { TimerSignal } from '../../../projections/deadlines/index.js';
import { readSideProjections } from '../../read-side/projections.js';
import { caseListRoutes } from '../routes/case-list.js';
import { dashboardRoutes } from '../routes/dashboard.js';
import { diaryRoutes } from '../routes/diary.js';
import { notificationRoutes } from '../routes/notifications.js';
import { projectionRoutes } from '../routes/projections.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Told of every firing the deadlines read model sets: what the scheduler waits on. */
    timerSignal: TimerSignal;
  }
}

/**
 * The read side: the case read models started on the shared read-model
 * database, and the routes that read them. Every list, count and diary
 * comes from these tables, rebuilt from the log at will.
 */
export const readSidePlugin = fp(
  async (app) => {
    const timers = new TimerSignal();
    app.decorate('timerSignal', timers);
    for (const projection of readSideProjections(timers)) app.readModels.start(projection);
    await app.register(caseListRoutes);
    await app.register(dashboardRoutes);
    await app.register(diaryRoutes);
    await app.register(projectionRoutes);
    await app.register(notificationRoutes);
  },
  { name: 'huiyin-read-side', dependencies: ['huiyin-read-models', 'huiyin-directory'] },
);
