// Placeholder until the directory lands: replaced wholesale by the directory work.
import type { FastifyPluginAsync } from 'fastify';
import type { Directory } from '../../directory/index.js';

export const directoryRoutes: FastifyPluginAsync<{ directory: Directory }> = async () => {};
