import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseActionBodies, caseActions, receiveBody, type CaseAction } from '../../../contracts/case/commands.js';
import { caseViewSchema } from '../../../contracts/case/view.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { historySchema } from '../../../contracts/history.js';
import { commandHeaders } from '../../../contracts/http-headers.js';
import { caseIdParams } from '../../../contracts/ids.js';
import type { CaseOutcome, CaseService } from '../../cases/case-service.js';
import { requireUser } from '../auth/plugin.js';
import { commandRequest } from '../command-request.js';
import { problemResponses } from '../problem.js';
import { workflowChartSchema, workflowAsData } from '../workflow-chart.js';

function sendOutcome(reply: FastifyReply, outcome: CaseOutcome, status: 200 | 201) {
  reply.header('etag', `"${outcome.view.revision}"`);
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(status).send(outcome.view);
}

/** An action whose data may be empty can be posted without a body. */
const bodyFor = (action: CaseAction) => {
  const schema = caseActionBodies[action];
  return schema.safeParse({}).success ? schema.nullish() : schema;
};

const workflowQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

/** The case API: open a case, read it and its history, act on it, and the workflow as data. */
export const caseRoutes: FastifyPluginAsync<{ cases: CaseService }> = async (plain, { cases }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/cases',
    { schema: { tags: ['cases'], body: receiveBody, headers: commandHeaders, response: { 201: caseViewSchema, ...problemResponses } } },
    async (request, reply) => {
      const outcome = await cases.receive(await requireUser(request), request.body, commandRequest(request));
      reply.header('location', `/api/cases/${outcome.view.id}`);
      return sendOutcome(reply, outcome, 201);
    },
  );

  app.get(
    '/api/cases/:id',
    { schema: { tags: ['cases'], params: caseIdParams, response: { 200: caseViewSchema, ...problemResponses } } },
    async (request, reply) => {
      const { state, rights } = await cases.read(await requireUser(request), request.params.id);
      reply.header('etag', `"${state.revision}"`);
      return cases.view(state, rights);
    },
  );

  for (const action of caseActions) {
    app.post(
      `/api/cases/:id/${action}`,
      {
        schema: {
          tags: ['case actions'],
          params: caseIdParams,
          body: bodyFor(action),
          headers: commandHeaders,
          response: { 200: caseViewSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const outcome = await cases.act(await requireUser(request), request.params.id, action, request.body ?? {}, commandRequest(request));
        return sendOutcome(reply, outcome, 200);
      },
    );
  }

  app.get(
    '/api/cases/:id/history',
    { schema: { tags: ['cases'], params: caseIdParams, response: { 200: historySchema, ...problemResponses } } },
    async (request) => ({
      streamName: cases.engine.streamNameOf(request.params.id),
      events: await cases.history(await requireUser(request), request.params.id),
    }),
  );

  app.get(
    '/api/workflows/case',
    {
      schema: {
        tags: ['workflows'],
        security: [],
        querystring: workflowQuery,
        response: { 200: workflowChartSchema, ...problemResponses },
      },
    },
    async (request) => {
      const version = request.query.version ?? cases.engine.definition.version;
      if (!cases.engine.workflow.versions.has(version)) {
        throw new HuiyinError('HTTP.NOT_FOUND', `the case workflow has no version ${version}`, {
          known: [...cases.engine.workflow.versions.keys()].map(String),
        });
      }
      return workflowAsData(version);
    },
  );

  // Unknown actions are not routes; say which exist rather than a bare 404.
  app.post('/api/cases/:id/:action', { schema: { hide: true } }, async (request) => {
    const { action } = request.params as { action: string };
    throw new HuiyinError('HTTP.NOT_FOUND', `no case action ${action}`, { known: caseActions });
  });
};
