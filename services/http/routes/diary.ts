import type { FastifyPluginAsync } from 'fastify';

/** Being built. */
export const diaryRoutes: FastifyPluginAsync = async () => {};
