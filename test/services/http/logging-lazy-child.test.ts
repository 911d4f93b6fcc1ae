import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { buildApp } from '../../../services/http/app.js';
import { tokenService } from '../../../services/http/auth/tokens.js';
import { LazyChildLogger } from '../../../services/http/lazy-child-logger.js';
import { createLogger } from '../../../services/http/logger.js';

type Line = Record<string, unknown> & { msg: string; reqId?: string };

const constituent = { name: 'Hu Xiuying', phone: '13800000613' };
const secrets = /Hu Xiuying|13800000613|secret\.token\.value/;
const tokens = tokenService('k');
const bearer = `Bearer ${tokens.sign({ sub: 'staff-1' })}`;

/** The app on a logger that writes into `lines`, with one route that logs what the test asks it to. */
async function appLoggingAt(t: Test, level: string, log: (logger: FastifyBaseLogger) => void) {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  const store = await openSqliteEventStore({ path: ':memory:' });
  const app = await buildApp({ store, tokens, logger });
  app.get('/test/logs', async (request) => {
    log(request.log);
    return { ok: true };
  });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  await app.ready();
  return { app, lines, parsed: () => lines.map((l) => JSON.parse(l) as Line), childCalls: spyOnChild(app) };
}

/**
 * Counts calls to child() on the app logger, the parent of every request logger.
 * pino children inherit from their parent, so they reach this spy too: only
 * calls on the parent itself count, and each runs on the logger it was called on.
 */
function spyOnChild(app: FastifyInstance): { count: number } {
  const calls = { count: 0 };
  const parent = app.log;
  const original = parent.child;
  parent.child = function (this: FastifyBaseLogger, ...args: Parameters<FastifyBaseLogger['child']>) {
    if (this === parent) calls.count += 1;
    return original.apply(this, args);
  };
  return calls;
}

t.test('lazy child logger › at warn, requests that log nothing never make a pino child', async (t) => {
  const { app, lines, childCalls } = await appLoggingAt(t, 'warn', (log) => log.info({ constituent }, 'below the level'));
  const anonymous = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(anonymous.statusCode, 200);
  const signedIn = await app.inject({ method: 'GET', url: '/test/logs', headers: { authorization: bearer } });
  t.equal(signedIn.statusCode, 200, 'the auth hook adds { user, role } through child() too');
  const missing = await app.inject({ method: 'GET', url: '/no/such/route', headers: { authorization: bearer } });
  t.equal(missing.statusCode, 404);
  t.equal(childCalls.count, 0, 'the parent logger was never asked for a child');
  t.same(lines, [], 'nothing was logged');
});

t.test('lazy child logger › at info, request lines carry the reqId and are redacted as before', async (t) => {
  const { app, parsed } = await appLoggingAt(t, 'info', (log) => {
    log.info({ constituent }, 'top level');
    log.info({ case: { constituent } }, 'nested');
  });
  const response = await app.inject({ method: 'GET', url: '/test/logs', headers: { authorization: bearer, 'x-request-id': 'req-info' } });
  t.equal(response.statusCode, 200);
  const lines = parsed();
  t.same(lines.map((l) => l.msg), ['top level', 'nested', 'request completed'], 'one line of its own per request, none on arrival');
  t.ok(lines.every((l) => l.reqId === 'req-info'), 'every line carries the request id');
  t.notMatch(JSON.stringify(lines), secrets);
  t.match(lines[0], { user: 'staff-1', constituent: { name: '[redacted]', phone: '[redacted]' } });
  t.match(lines[1], { user: 'staff-1', case: { constituent: { name: '[redacted]', phone: '[redacted]' } } });
});

t.test('lazy child logger › at warn, request.log.warn in a handler logs with the reqId', async (t) => {
  const { app, parsed, childCalls } = await appLoggingAt(t, 'warn', (log) => log.warn({ case: { constituent } }, 'worth a look'));
  await app.inject({ method: 'GET', url: '/test/logs', headers: { authorization: bearer, 'x-request-id': 'req-warn' } });
  const lines = parsed();
  t.equal(lines.length, 1);
  t.match(lines[0], { level: 40, msg: 'worth a look', reqId: 'req-warn', user: 'staff-1', case: { constituent: { name: '[redacted]' } } });
  t.equal(childCalls.count, 1, 'the pino child is made once, when the line is logged');
});

t.test('lazy child logger › writes the same lines as an eager pino child', async (t) => {
  const write = (into: string[]) => ({ write: (line: string) => void into.push(line) });
  const eagerLines: string[] = [];
  const lazyLines: string[] = [];
  const eager = createLogger({ level: 'info', destination: write(eagerLines) }).child({ reqId: 'r1' }).child({ user: 'u1' });
  const lazy = new LazyChildLogger(createLogger({ level: 'info', destination: write(lazyLines) }), { reqId: 'r1' }).child({ user: 'u1' });
  for (const logger of [eager, lazy]) {
    logger.debug({ constituent }, 'below the level');
    logger.info({ constituent, req: { headers: { authorization: 'Bearer secret.token.value' } } }, 'a request');
    logger.warn({ body: { constituent } }, 'nested %s', 'formatted');
    logger.error('plain message');
  }
  const withoutTime = (lines: string[]) => lines.map((l) => ({ ...(JSON.parse(l) as Line), time: 0 }));
  t.equal(lazyLines.length, 3);
  t.same(withoutTime(lazyLines), withoutTime(eagerLines));
  t.notMatch(lazyLines.join(''), secrets);
  t.equal(lazy.level, 'info');
  t.equal(new LazyChildLogger(eager, {}).child({ a: 1 }, { level: 'debug' }).level, 'debug', 'a child with its own level is real at once');
});
