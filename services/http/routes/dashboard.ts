import type { FastifyPluginAsync } from 'fastify';

/** Being built. */
export const dashboardRoutes: FastifyPluginAsync = async () => {};
