import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/plugin.js';
import { problemResponses } from '../problem.js';

export const projectionFailureSchema = z.object({
  message: z.string(),
  /** The event its evolve threw on; it stays before it. */
  event: z.object({ position: z.number().int(), stream: z.string(), type: z.string() }).optional(),
});

export const projectionStatusSchema = z.object({
  name: z.string(),
  version: z.number().int(),
  /** The log position its tables include. */
  position: z.number().int(),
  /** Events it reads after its position; null where the store cannot count them cheaply (EventStoreDB). */
  lagEvents: z.number().int().nullable(),
  /** Age of the oldest event it has not applied; 0 when it has applied all; null when the store does not answer. */
  lagMs: z.number().nullable(),
  state: z.enum(['catching-up', 'live', 'failed', 'stopped']),
  /** False for a new version building beside the one that answers reads, until it takes over. */
  serving: z.boolean(),
  error: projectionFailureSchema.optional(),
});

/** GET /api/projections: every read model's version, position, lag and state, for those who run or audit the service. */
export const projectionRoutes: FastifyPluginAsync = async (plain) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/projections',
    { schema: { tags: ['operations'], response: { 200: z.array(projectionStatusSchema), ...problemResponses } } },
    async (request) => {
      await requireRole(request, 'admin', 'auditor');
      return app.readModels.statuses();
    },
  );
};
