import fp from 'fastify-plugin';
import { RotaService } from '../../rota/index.js';
import { publicDeputyRoutes } from '../routes/public-deputies.js';
import { receptionRoutes } from '../routes/receptions.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Each station's rota and the receptions it gives (a ReceptionCalendar for other capabilities). */
    receptions: RotaService;
  }
}

/** Reception days: each station's rota and the receptions it publishes; the public finder of stations and deputies. */
export const receptionsPlugin = fp(
  async (app) => {
    const rota = new RotaService({
      store: app.readModels.store,
      directory: app.directory,
      noteWrite: (position) => app.readModels.noteWrite(position),
    });
    app.decorate('receptions', rota);
    await app.register(receptionRoutes, { rota });
    await app.register(publicDeputyRoutes, { calendar: rota });
  },
  { name: 'huiyin-receptions', dependencies: ['huiyin-read-models', 'huiyin-directory'] },
);
