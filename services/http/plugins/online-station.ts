import fp from 'fastify-plugin';
import { OnlineMessages } from '../../online-station/messages.js';
import { CodeGuard } from '../../online-station/code-guard.js';
import { Tracking } from '../../online-station/tracking.js';
import { onlineStationRoutes } from '../routes/online-station.js';
import { publicStationRoutes } from '../routes/public-stations.js';

/** The online station: messages, tracking and pressing a matter, and each station's public figures. */
export const onlineStationPlugin = fp(
  async (app) => {
    const messages = new OnlineMessages(app.directory, app.cases);
    const tracking = new Tracking(app.readModels, app.cases, app.directory, new CodeGuard());
    await app.register(onlineStationRoutes, { messages, tracking });
    await app.register(publicStationRoutes);
  },
  { name: 'huiyin-online-station', dependencies: ['huiyin-read-models', 'huiyin-directory', 'huiyin-cases', 'huiyin-visits'] },
);
