import fp from 'fastify-plugin';
import { visitsProjection } from '../../../projections/visits/index.js';
import { VisitService } from '../../visits/visit-service.js';
import { visitRoutes } from '../routes/visits.js';

declare module 'fastify' {
  interface FastifyInstance {
    visits: VisitService;
  }
}

/** The registration form: one visit, its matters as cases, and the visitor's satisfaction. */
export const visitsPlugin = fp(
  async (app) => {
    app.decorate('visits', new VisitService(app.readModels.store, app.directory, app.cases));
    app.readModels.start(visitsProjection);
    await app.register(visitRoutes, { visits: app.visits });
  },
  { name: 'huiyin-visits', dependencies: ['huiyin-read-models', 'huiyin-directory', 'huiyin-cases'] },
);
