import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { passwordSetView, setPasswordBody } from '../../../contracts/credentials.js';
import { entryParams } from '../../../contracts/ids.js';
import type { Credentials } from '../../accounts/credentials.js';
import { actorOf } from '../../commands/envelope.js';
import { requireRole } from '../auth/plugin.js';
import { problemResponses } from '../problem.js';

/**
 * An administrator gives a person a first password, or a new one when it is
 * forgotten. The person must choose their own at their next sign-in, and
 * every session they had ends.
 */
export const accountPasswordRoutes: FastifyPluginAsync<{ credentials: Credentials }> = async (plain, { credentials }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/accounts/:id/password',
    {
      // The role before validation, as the directory's admin routes do: a stranger learns nothing of the body.
      preValidation: async (request) => void (await requireRole(request, 'admin')),
      schema: { tags: ['directory'], params: entryParams, body: setPasswordBody, response: { 200: passwordSetView, ...problemResponses } },
    },
    async (request) => {
      const actor = actorOf(await requireRole(request, 'admin'));
      await credentials.setPassword(actor, request.params.id, request.body.password, true, request.id);
      return { account: request.params.id, mustChangePassword: true };
    },
  );
};
