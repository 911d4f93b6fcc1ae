import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** The online station's lookups carry a phone's last digits in the query: with the code, the key to a matter. */
const PHONE_DIGITS = /[?&]phone4=/;

/** The request as its serialiser would log it, with the phone digits masked. */
const masked = (request: FastifyRequest) => ({
  method: request.method,
  url: request.url.replace(/([?&]phone4=)[^&]*/g, '$1****'),
  host: request.host,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});

/**
 * One line per request, written when the response has gone: method, URL,
 * status, time taken, the request id and (through the auth hook's child
 * logger) who asked. fastify's own pair ("incoming request", "request
 * completed") doubled the log volume and the cost, and its first line knew
 * neither the outcome nor the user.
 *
 * `request.log`, not `reply.log`: the reply keeps the logger it was made
 * with, before sign-in added `user` and `role` to the request's.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    // fastify's serialisers turn these into { method, url, host, remoteAddress, remotePort } and { statusCode }.
    const line = { req: PHONE_DIGITS.test(request.url) ? masked(request) : request, res: reply, responseTime: reply.elapsedTime };
    // A response that failed on the wire (the client went away) is worth more than info.
    if (error) request.log.warn({ ...line, err: error }, 'request failed on the wire');
    else request.log.info(line, 'request completed');
  }
}
