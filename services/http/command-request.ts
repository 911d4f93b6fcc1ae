import type { FastifyRequest } from 'fastify';
import { ifMatchRevision } from '../../contracts/http-headers.js';
import type { CommandRequest } from '../commands/envelope.js';

/**
 * A write request's command facts, taken at the edge: the one place that
 * reads the clock for a command. Routes have validated the headers and
 * parsed the body with the command's schema by now.
 */
export function commandRequest(request: FastifyRequest): CommandRequest {
  const headers = request.headers as Record<string, string | undefined>;
  const pinned = ifMatchRevision(headers['if-match']);
  const facts: CommandRequest = { now: new Date().toISOString(), correlationId: request.id, parsed: true };
  const key = headers['idempotency-key'];
  if (key !== undefined) facts.idempotencyKey = key;
  if (pinned !== undefined) facts.ifMatch = pinned;
  return facts;
}
