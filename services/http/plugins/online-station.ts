import fp from 'fastify-plugin';

/** The online station: messages, tracking and pressing a matter, and each station's public figures. */
export const onlineStationPlugin = fp(
  async () => {},
  { name: 'huiyin-online-station', dependencies: ['huiyin-read-models', 'huiyin-directory'] },
);
