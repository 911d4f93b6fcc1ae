import fp from 'fastify-plugin';

/** Deputies' activities and their 三个一. */
export const activitiesPlugin = fp(
  async () => {},
  { name: 'huiyin-activities', dependencies: ['huiyin-read-models', 'huiyin-directory'] },
);
