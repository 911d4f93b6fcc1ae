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

/**
 * The store as the case service sees it: every append it makes (a command,
 * both sides of a merge, relayed feedback) is noted with the read models,
 * so this instance's next list or count waits until it shows the write.
 */
function notingWrites(store: EventStore, noteWrite: (position: number) => void): EventStore {
  return {
    async appendToStream(streamName, events, options) {
      const result = await store.appendToStream(streamName, events, options);
      noteWrite(result.position);
      return result;
    },
    readStream: (streamName, options) => store.readStream(streamName, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    logId: () => store.logId(),
    close: () => store.close(),
  };
}

/** Cases: the case service over the directory, and the case API. */
export const casesPlugin = fp<CasesPluginOptions>(
  async (app, { store, workflowVersion }) => {
    const noted = notingWrites(store, (position) => app.readModels.noteWrite(position));
    app.decorate('cases', new CaseService(noted, app.directory, { workflowVersion, deadlines: app.deadlines }));
    await app.register(caseRoutes, { cases: app.cases });
    // Checking the log's hash chains: one case on request, every stream in the background.
    await app.register(verifyRoutes, { cases: app.cases });
    await app.register(integrityPlugin, { store });
  },
  { name: 'huiyin-cases', dependencies: ['huiyin-directory'] },
);
