import type { FastifyInstance } from 'fastify';
import { TransportProblem } from './problem.js';

/**
 * `app.close()` (server.ts calls it on SIGTERM) stops accepting, lets the
 * requests in flight finish, and after `graceMs` cuts every connection
 * left. Node's server.close() closes idle kept-alive connections but waits
 * for busy ones, and it stops the header/request deadline checks: a client
 * trickling its headers would otherwise hold the process open for as long
 * as it liked.
 */
export function registerGracefulClose(app: FastifyInstance, graceMs: number): void {
  let closing = false;
  let cutOff: NodeJS.Timeout | undefined;

  // Requests that arrive on an open connection while closing get a problem,
  // not fastify's bare 503 (return503OnClosing is off for this).
  app.addHook('onRequest', (_request, _reply, done) => {
    if (!closing) return done();
    done(new TransportProblem(503, 'HTTP.SHUTTING_DOWN', 'the server is shutting down; retry on another instance or shortly', 1));
  });
  // A request in flight when closing began answers with Connection: close,
  // so its connection ends with it instead of idling until the cut-off.
  app.addHook('onSend', (_request, reply, _payload, done) => {
    if (closing) reply.header('connection', 'close');
    done();
  });
  app.addHook('preClose', (done) => {
    closing = true;
    if (app.server.listening) {
      cutOff = setTimeout(() => {
        app.log.warn({ graceMs }, 'closing the connections still open after the grace period');
        app.server.closeAllConnections();
      }, graceMs);
      // The cut-off never keeps a process alive on its own; open sockets do.
      cutOff.unref();
    }
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    clearTimeout(cutOff);
    done();
  });
}
