import fp from 'fastify-plugin';

/** Reception days: each station's rota and the receptions it publishes; the public finder of stations and deputies. */
export const receptionsPlugin = fp(
  async () => {},
  { name: 'huiyin-receptions', dependencies: ['huiyin-read-models', 'huiyin-directory'] },
);
