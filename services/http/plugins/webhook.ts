import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HuiyinError } from '../../../contracts/errors.js';
import { WebhookOutbox, type WebhookOptions } from '../../notifications/webhook.js';
import { requireRole } from '../auth/plugin.js';
import { problemResponses } from '../problem.js';

declare module 'fastify' {
  interface FastifyInstance {
    webhook: WebhookOutbox;
  }
}

const deadLetterSchema = z.object({
  id: z.string(),
  /** The JSON body that was to be sent. */
  body: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});

/**
 * Notifications delivered beyond the app, to the gateway at WEBHOOK_URL;
 * its dead letters for an administrator to see and send again.
 */
export const webhookPlugin = fp<Omit<WebhookOptions, 'log'>>(
  async (plain, options) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const runner = app.readModels.runner('notifications');
    if (!runner) throw new Error('the webhook needs the notifications read model started');
    const outbox = new WebhookOutbox(runner, app.readModels.db, { ...options, log: app.log });
    app.decorate('webhook', outbox);
    app.addHook('onReady', async () => void outbox.start());
    app.addHook('preClose', async () => outbox.stop());
    const tags = ['operations'];
    app.get(
      '/api/webhook/dead-letters',
      { schema: { tags, response: { 200: z.object({ items: z.array(deadLetterSchema) }), ...problemResponses } } },
      async (request) => {
        await requireRole(request, 'admin');
        return { items: outbox.store.deadLetters().map(({ id, body, attempts, lastError }) => ({ id, body, attempts, lastError })) };
      },
    );
    app.post(
      '/api/webhook/dead-letters/:id/retry',
      { schema: { tags, params: z.object({ id: z.string().max(300) }), response: { 202: z.object({ id: z.string() }), ...problemResponses } } },
      async (request, reply) => {
        await requireRole(request, 'admin');
        const { id } = request.params;
        if (!outbox.store.retry(id, Date.now())) throw new HuiyinError('HTTP.NOT_FOUND', `no dead letter ${id}`, { id });
        outbox.poke();
        return reply.code(202).send({ id });
      },
    );
  },
  { name: 'huiyin-webhook', dependencies: ['huiyin-read-side'] },
);
