import fp from 'fastify-plugin';
import type { EventStore } from '../../../contracts/event-store.js';
import { createDirectory, type Directory } from '../../directory/index.js';
import { directoryRoutes } from '../routes/directory.js';

declare module 'fastify' {
  interface FastifyInstance {
    directory: Directory;
  }
}

/** The directory: areas, stations, deputies and categories, their routes and their read model. */
export const directoryPlugin = fp<{ store: EventStore }>(
  async (app, { store }) => {
    app.decorate('directory', createDirectory({ store, readModels: app.readModels }));
    await app.register(directoryRoutes, { directory: app.directory });
  },
  { name: 'huiyin-directory', dependencies: ['huiyin-read-models'] },
);
