import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { HuiyinError, type ErrorCode } from '../../contracts/errors.js';
import { problemBody, type TransportCode } from './problem.js';

/** What Node's HTTP parser raises, as the status and code a client is told. */
function classify(code: string | undefined): { status: number; code: TransportCode | ErrorCode; detail: string } {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'HTTP.REQUEST_TIMEOUT', detail: 'the request did not arrive in time' };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: 'HTTP.HEADERS_TOO_LARGE', detail: 'the request line and headers are too large' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, code: 'HTTP.BODY_TOO_LARGE', detail: 'the chunk extensions are too large' };
    default:
      return { status: 400, code: 'HTTP.BAD_REQUEST', detail: 'the request is not well-formed HTTP/1.1' };
  }
}

const reasons: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 417: 'Expectation Failed', 431: 'Request Header Fields Too Large' };

/** A whole problem response as bytes, for a socket with no request or reply to send it through. */
function rawProblem(status: number, code: string, detail: string): { bytes: string; requestId: string } {
  const requestId = randomUUID();
  // No request line was understood, so the instance names this occurrence rather than a URL.
  const body = JSON.stringify(problemBody(status, code, detail, `urn:uuid:${requestId}`, requestId));
  const head = [
    `HTTP/1.1 ${status} ${reasons[status] ?? 'Error'}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ].join('\r\n');
  return { bytes: `${head}\r\n\r\n${body}`, requestId };
}

/**
 * Ends a socket after the response, and destroys it a moment later if the
 * client keeps it open: destroying at once would make the kernel answer
 * whatever the client still sends with a reset, which can throw away the
 * response before the client reads it.
 */
function endWith(socket: Socket, bytes: string): void {
  socket.end(bytes);
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/**
 * fastify's clientErrorHandler: what the HTTP parser refuses before there
 * is a request (a bad request line, headers too large or too slow, a body
 * that stops arriving) leaves as application/problem+json like every
 * other error, with one log line and nothing of the request in it (the
 * raw packet may hold a bearer token).
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string; reason?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return void socket.destroy();
  const { status, code, detail: kind } = classify(error.code);
  // The parser's reason ("Invalid method encountered") helps the client and holds nothing of the request.
  const detail = error.reason ? `${kind}: ${error.reason}` : kind;
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  // A response already under way cannot be followed by another on the same bytes.
  if (!socket.writable || inFlight?.headersSent) return void socket.destroy();
  const { bytes, requestId } = rawProblem(status, code, detail);
  const line = { reqId: requestId, res: { statusCode: status }, code: error.code, reason: error.reason, remoteAddress: socket.remoteAddress };
  this.log.info(line, 'client error');
  endWith(socket, bytes);
}

/**
 * Refusals Node would otherwise write itself, bare: a request without a
 * Host header (checked here, with requireHostHeader off), an Expect header
 * other than 100-continue (417), and CONNECT, which this server does not
 * tunnel.
 */
export function registerNodeRefusals(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      return done(new HuiyinError('HTTP.BAD_REQUEST', 'an HTTP/1.1 request must carry a Host header'));
    }
    done();
  });
  app.server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) => {
    const requestId = randomUUID();
    const body = problemBody(417, 'HTTP.EXPECTATION_FAILED', 'only Expect: 100-continue is understood', `urn:uuid:${requestId}`, requestId);
    const text = JSON.stringify(body);
    response.writeHead(417, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(text), connection: 'close' }).end(text);
  });
  app.server.on('connect', (_request: IncomingMessage, socket: Socket) => {
    endWith(socket, rawProblem(400, 'HTTP.BAD_REQUEST', 'CONNECT is not served here').bytes);
  });
}
