import fp from 'fastify-plugin';
import type { EventStore } from '../../../contracts/event-store.js';
import { Accounts } from '../../accounts/rights.js';
import { createDirectory, type Directory } from '../../directory/index.js';
import { Deadlines } from '../../deadlines/index.js';
import { deadlineRoutes } from '../routes/deadlines.js';
import { directoryRoutes } from '../routes/directory.js';

declare module 'fastify' {
  interface FastifyInstance {
    directory: Directory;
    /** Deadline policies and the working calendar, read from the directory. */
    deadlines: Deadlines;
  }
}

/** The directory (areas, stations, deputies, categories, accounts, deadline policies, the calendar), its routes, and rights read from it. */
export const directoryPlugin = fp<{ store: EventStore }>(
  async (app, { store }) => {
    app.decorate('directory', createDirectory({ store, readModels: app.readModels }));
    const clientSeconds = Number(process.env.CLIENT_TOKEN_MAX_SECONDS ?? 30 * 86_400);
    app.decorate('accounts', new Accounts(app.directory, { personSeconds: 12 * 3600, clientSeconds }));
    app.decorate('deadlines', new Deadlines(app.directory));
    await app.register(directoryRoutes, { directory: app.directory });
    await app.register(deadlineRoutes, { directory: app.directory, deadlines: app.deadlines });
  },
  { name: 'huiyin-directory', dependencies: ['huiyin-read-models'] },
);
