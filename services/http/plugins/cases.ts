import fp from 'fastify-plugin';
import type { EventStore } from '../../../contracts/event-store.js';
import { CaseService } from '../../cases/case-service.js';
import { caseRoutes } from '../routes/cases.js';
import { verifyRoutes } from '../routes/verify.js';
import { integrityPlugin } from './integrity.js';

declare module 'fastify' {
  interface FastifyInstance {
    cases: CaseService;
  }
}

export interface CasesPluginOptions {
  store: EventStore;
  /** The case workflow version new cases are opened under (default: the latest). */
  workflowVersion?: number;
}

/** Cases: the case service over the directory, and the case API. */
export const casesPlugin = fp<CasesPluginOptions>(
  async (app, { store, workflowVersion }) => {
    app.decorate('cases', new CaseService(store, app.directory, { workflowVersion }));
    await app.register(caseRoutes, { cases: app.cases });
    // Checking the log's hash chains: one case on request, every stream in the background.
    await app.register(verifyRoutes, { cases: app.cases });
    await app.register(integrityPlugin, { store });
  },
  { name: 'huiyin-cases', dependencies: ['huiyin-directory'] },
);
