import type { FastifyPluginAsync } from 'fastify';

/** Being built. */
export const projectionRoutes: FastifyPluginAsync = async () => {};
