import fp from 'fastify-plugin';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EventStore } from '../../../contracts/event-store.js';
import { ReadModels } from '../../../projections/read-models.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The read-model database every projection shares, with read-your-writes bookkeeping. */
    readModels: ReadModels;
  }
}

export interface ReadModelsOptions {
  store: EventStore;
  /** SQLite file for read models; ':memory:' rebuilds them from the log at every start. */
  path: string;
}

/**
 * Opens the read-model database once for the whole service, and says so in
 * the log when it had to be dropped (damaged, or built from another log).
 * Its onClose stops every projection started on it and then closes the
 * handle; it is registered before the capabilities that use it, so it
 * closes after them.
 */
export const readModelsPlugin = fp<ReadModelsOptions>(
  async (app, { store, path }) => {
    if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
    const readModels = await ReadModels.open(store, path, {
      onError: (error) => app.log.error({ err: error }, 'a projection stopped; its reads answer 503 until it is fixed and rebuilt'),
      onTakeover: (from, to) => app.log.info({ from, to }, `${to} caught up and took over from ${from}; ${from} is dropped`),
    });
    const { dropped, logId } = readModels.origin;
    if (dropped) app.log.warn({ path, logId }, `${dropped}; rebuilding them from the event log`);
    app.decorate('readModels', readModels);
    app.addHook('onClose', async () => readModels.close());
  },
  { name: 'huiyin-read-models' },
);
