import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseCommandData, receiveBody, type CaseCommandType } from '../../../contracts/case/commands.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { commandHeaders, ifMatchRevision } from '../../../contracts/http-headers.js';
import { caseActions, type CaseOutcome, type CaseService, type RequestFacts } from '../../cases/case-service.js';
import { requireUser } from '../auth/plugin.js';
import { workflowAsData } from '../workflow-chart.js';

const caseIdParams = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'a case id'),
});
function factsOf(request: FastifyRequest): RequestFacts {
  const headers = request.headers as Record<string, string | undefined>;
  const pinned = ifMatchRevision(headers['if-match']);
  return {
    now: new Date().toISOString(),
    idempotencyKey: headers['idempotency-key'],
    correlationId: request.id,
    parsed: true,
    ...(pinned !== undefined ? { ifMatch: pinned } : {}),
  };
}

function sendOutcome(reply: FastifyReply, outcome: CaseOutcome, status: number) {
  reply.header('etag', `"${outcome.view.revision}"`);
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(status).send(outcome.view);
}

/** An action whose data may be empty can be posted without a body. */
const bodyFor = (action: CaseCommandType) => {
  const schema = caseCommandData[action];
  return schema.safeParse({}).success ? schema.nullish() : schema;
};

export const caseRoutes: FastifyPluginAsync<{ cases: CaseService }> = async (plain, { cases }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.post('/api/cases', { schema: { tags: ['cases'], body: receiveBody, headers: commandHeaders } }, async (request, reply) => {
    const outcome = await cases.receive(requireUser(request), request.body, factsOf(request));
    reply.header('location', `/api/cases/${outcome.view.id}`);
    return sendOutcome(reply, outcome, 201);
  });

  app.get('/api/cases/:id', { schema: { tags: ['cases'], params: caseIdParams } }, async (request, reply) => {
    const claims = requireUser(request);
    const state = await cases.read(claims, request.params.id);
    reply.header('etag', `"${state.revision}"`);
    return cases.view(claims, state);
  });

  for (const action of caseActions) {
    app.post(
      `/api/cases/:id/${action}`,
      { schema: { tags: ['case actions'], params: caseIdParams, body: bodyFor(action), headers: commandHeaders } },
      async (request, reply) => {
        const outcome = await cases.act(requireUser(request), request.params.id, action, request.body ?? {}, factsOf(request));
        return sendOutcome(reply, outcome, 200);
      },
    );
  }

  app.get('/api/cases/:id/history', { schema: { tags: ['cases'], params: caseIdParams } }, async (request) => {
    const events = await cases.history(requireUser(request), request.params.id);
    return {
      events: events.map(({ revision, type, data, metadata, position, recordedAt }) => ({
        revision,
        type,
        data,
        metadata,
        position,
        recordedAt,
      })),
    };
  });

  app.get('/api/workflows/case', { schema: { tags: ['workflows'] } }, async () => workflowAsData());

  // Unknown actions are not routes; say which exist rather than a bare 404.
  app.post('/api/cases/:id/:action', { schema: { hide: true } }, async (request) => {
    const { action } = request.params as { action: string };
    throw new HuiyinError('HTTP.NOT_FOUND', `no case action ${action}`, { known: caseActions });
  });
};
