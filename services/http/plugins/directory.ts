import fp from 'fastify-plugin';
import type { EventStore } from '../../../contracts/event-store.js';
import { Accounts } from '../../accounts/rights.js';
import { createDirectory, type Directory } from '../../directory/index.js';
import { directoryRoutes } from '../routes/directory.js';

declare module 'fastify' {
  interface FastifyInstance {
    directory: Directory;
  }
}

/** The directory (areas, stations, deputies, categories, accounts), its routes, and rights read from it. */
export const directoryPlugin = fp<{ store: EventStore }>(
  async (app, { store }) => {
    app.decorate('directory', createDirectory({ store, readModels: app.readModels }));
    const clientSeconds = Number(process.env.CLIENT_TOKEN_MAX_SECONDS ?? 30 * 86_400);
    app.decorate('accounts', new Accounts(app.directory, { personSeconds: 12 * 3600, clientSeconds }));
    await app.register(directoryRoutes, { directory: app.directory });
  },
  { name: 'huiyin-directory', dependencies: ['huiyin-read-models'] },
);
