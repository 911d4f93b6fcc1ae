import type { FastifyError, FastifyInstance, FastifyReply, RouteShorthandOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CommandInvalidError,
  HuiyinError,
  IllegalTransitionError,
  WrongExpectedRevisionError,
  type ErrorCode,
  type FieldIssue,
} from '../../contracts/errors.js';

/** A field problem as a client reads it: where (body, query, path, header) and which field. */
export interface ProblemField {
  in: 'body' | 'query' | 'path' | 'header';
  path: string;
  message: string;
}

const statusOf: Partial<Record<ErrorCode, number>> = {
  'COMMAND.INVALID': 400,
  'HTTP.BAD_REQUEST': 400,
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.FORBIDDEN': 403,
  'AUTH.CSRF': 403,
  'AUTH.PASSWORD_CHANGE_REQUIRED': 403,
  'CASE.NOT_FOUND': 404,
  'DIRECTORY.NOT_FOUND': 404,
  'HTTP.NOT_FOUND': 404,
  'COMMAND.UNKNOWN': 404,
  'STORE.STREAM_NOT_FOUND': 404,
  'CASE.ILLEGAL_TRANSITION': 409,
  'WORKFLOW.ILLEGAL_TRANSITION': 409,
  'CASE.FOLLOW_UP_UNRESOLVED': 409,
  'CASE.MERGE_IN_PROGRESS': 409,
  'CASE.HAS_MERGED_CASES': 409,
  'CASE.ALREADY_PRESSED': 429,
  'TRACKING.LOCKED': 429,
  'AUTH.LOCKED': 429,
  'DIRECTORY.ALREADY_EXISTS': 409,
  // Only a pinned revision (If-Match) lets a conflict out of the engine; others are retried.
  'STORE.WRONG_EXPECTED_REVISION': 412,
  'HTTP.PRECONDITION_FAILED': 412,
  'HTTP.BODY_TOO_LARGE': 413,
  'STORE.APPEND_TOO_LARGE': 413,
  'HTTP.UNSUPPORTED_MEDIA_TYPE': 415,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'ENGINE.TOO_MANY_CONFLICTS': 503,
  'STORE.UNAVAILABLE': 503,
  'STORE.CORRUPT': 503,
  'STORE.CLOSED': 503,
  'READ_MODEL.BEHIND': 503,
  'READ_MODEL.FAILED': 503,
};

const titleOf: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 408: 'Request timeout', 409: 'Conflict',
  412: 'Precondition failed', 413: 'Payload too large', 415: 'Unsupported media type', 417: 'Expectation failed',
  422: 'Unprocessable request', 429: 'Too many requests', 431: 'Request header fields too large',
  500: 'Internal server error', 503: 'Service unavailable',
};

/**
 * Codes for what the transport refuses (slow, greedy or busy), which
 * contracts/errors.ts does not list because nothing below the HTTP edge
 * raises them.
 */
export type TransportCode =
  | 'HTTP.REQUEST_TIMEOUT'
  | 'HTTP.EXPECTATION_FAILED'
  | 'HTTP.TOO_MANY_REQUESTS'
  | 'HTTP.HEADERS_TOO_LARGE'
  | 'HTTP.OVERLOADED'
  | 'HTTP.SHUTTING_DOWN';

/** A refusal by the transport, thrown from hooks so it leaves through the one error handler. */
export class TransportProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: TransportCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'TransportProblem';
  }
}

/** The members every problem has, wherever it is written (a reply, or a raw socket before any request exists). */
export function problemBody(status: number, code: string, detail: string, instance: string, requestId: string): Record<string, unknown> {
  return {
    type: `https://huiyin.example/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: titleOf[status] ?? 'Error',
    status,
    detail,
    code,
    instance,
    requestId,
  };
}

export function sendTransportProblem(reply: FastifyReply, problem: TransportProblem): FastifyReply {
  if (problem.retryAfterSeconds !== undefined) reply.header('retry-after', String(problem.retryAfterSeconds));
  const body = problemBody(problem.status, problem.code, problem.message, reply.request.url, reply.request.id);
  return reply.code(problem.status).type('application/problem+json').send(body);
}

/**
 * An RFC 9457 problem as every error leaves: declared on every route, loose
 * so the extra members a problem carries (errors, allowedActions, …) pass.
 */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  instance: z.string(),
  requestId: z.string(),
});
export const problemResponses = { '4xx': problemSchema, '5xx': problemSchema } as const;

/** Engine paths (`data.summary`, `streamId`) as the HTTP caller named them. */
export function httpFields(issues: FieldIssue[]): ProblemField[] {
  return issues.map((issue) =>
    issue.path === 'data' || issue.path.startsWith('data.')
      ? { in: 'body', path: issue.path.slice(5), message: issue.message }
      : issue.path === 'streamId'
        ? { in: 'path', path: 'id', message: issue.message }
        : { in: 'body', path: issue.path, message: issue.message },
  );
}

function fromFastify(error: FastifyError): HuiyinError | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error.validationContext ?? 'body') as string;
    const place = where === 'querystring' ? 'query' : where === 'params' ? 'path' : where === 'headers' ? 'header' : 'body';
    const fields: ProblemField[] = error.validation.flatMap((v) => {
      const path = v.instancePath.split('/').filter(Boolean).join('.');
      const unknownKeys = v.keyword === 'unrecognized_keys' ? ((v.params as { keys?: string[] }).keys ?? []) : [];
      if (unknownKeys.length) {
        return unknownKeys.map((key) => ({ in: place, path: [path, key].filter(Boolean).join('.'), message: 'unknown field' }));
      }
      return [{ in: place, path, message: v.message ?? 'invalid' }];
    });
    return new HuiyinError('HTTP.BAD_REQUEST', `invalid ${where}: ${fields.map((f) => f.path || '(whole)').join(', ')}`, {
      errors: fields,
    });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new HuiyinError('HTTP.BODY_TOO_LARGE', error.message);
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new HuiyinError('HTTP.UNSUPPORTED_MEDIA_TYPE', error.message);
  if (error.statusCode === 400) return new HuiyinError('HTTP.BAD_REQUEST', error.message);
  return undefined;
}

export function sendProblem(reply: FastifyReply, error: HuiyinError, extra: Record<string, unknown> = {}): FastifyReply {
  const status = statusOf[error.code] ?? 500;
  // A conflict on a pinned revision is the client's stale copy: 412, said as such.
  const code: ErrorCode = error instanceof WrongExpectedRevisionError ? 'HTTP.PRECONDITION_FAILED' : error.code;
  const detail = status >= 500 && status !== 503 ? 'The server could not complete the request.' : error.message;
  const body = { ...problemBody(status, code, detail, reply.request.url, reply.request.id), ...extra };
  if (error instanceof CommandInvalidError) body.errors = httpFields(error.issues);
  if (error.code === 'HTTP.BAD_REQUEST' && Array.isArray(error.details.errors)) body.errors = error.details.errors;
  if (error instanceof IllegalTransitionError) Object.assign(body, { caseStatus: error.status, allowedActions: error.allowedActions });
  if (error.code === 'CASE.FOLLOW_UP_UNRESOLVED') body.followUp = error.details.followUp;
  if (error.code === 'HTTP.NOT_FOUND' && Array.isArray(error.details.known)) body.known = error.details.known;
  if (error instanceof WrongExpectedRevisionError) body.currentRevision = error.actual;
  if (status === 503) reply.header('retry-after', '1');
  // A refusal for now, not for ever, says when to ask again.
  if (typeof error.details.retryAfterSeconds === 'number') reply.header('retry-after', String(error.details.retryAfterSeconds));
  return reply.code(status).type('application/problem+json').send(body);
}

/** The one error handler: every failure leaves as application/problem+json. */
export function registerProblemHandlers(app: FastifyInstance, notFoundHooks: Pick<RouteShorthandOptions, 'preHandler'> = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof TransportProblem) return sendTransportProblem(reply, error);
    let known: HuiyinError | undefined;
    try {
      known = error instanceof HuiyinError ? error : fromFastify(error);
    } catch (mappingError) {
      request.log.error({ err: mappingError }, 'could not map an error');
    }
    if (known) {
      if ((statusOf[known.code] ?? 500) >= 500) request.log.warn({ err: error }, 'request failed');
      return sendProblem(reply, known);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, new HuiyinError('INTERNAL', 'internal error'));
  });
  // The hooks (the rate limit) count requests for routes that do not exist too: scanners find none.
  app.setNotFoundHandler(notFoundHooks, (request, reply) =>
    sendProblem(reply, new HuiyinError('HTTP.NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}
