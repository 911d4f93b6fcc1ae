import fp from 'fastify-plugin';

/** The registration form: one visit, its matters as cases, and the visitor's satisfaction. */
export const visitsPlugin = fp(
  async () => {},
  { name: 'huiyin-visits', dependencies: ['huiyin-read-models', 'huiyin-directory'] },
);
