import type { FastifyPluginAsync } from 'fastify';

/** Being built. */
export const caseListRoutes: FastifyPluginAsync = async () => {};
