import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { TransportProblem } from '../problem.js';
import type { TransportLimits } from '../transport-config.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The limits in force, for routes that set tighter ones of their own (public-routes.ts). */
    transportLimits: TransportLimits;
  }
}

const tooMany = (detail: string, ttlMs: number) => new TransportProblem(429, 'HTTP.TOO_MANY_REQUESTS', detail, Math.max(1, Math.ceil(ttlMs / 1000)));

/**
 * How much one client may ask, and what the process answers when it cannot
 * keep up:
 *
 * - under pressure (mean event-loop delay or heap over their thresholds),
 *   503 with Retry-After at once, before anything else is done, rather
 *   than queueing work without bound;
 * - an address that collected too many 401s is refused everything (429)
 *   until its window ends: checked before the token is even verified, so
 *   guessing costs the guesser, not the server;
 * - every route, the 404 handler included, counts requests per signed-in
 *   subject (wherever they come from), or per address for requests without
 *   a token, with a tighter limit for those.
 *
 * Register before sign-in's hook and before any route: the rate limit
 * attaches itself to routes as they are added, and runs after sign-in (a
 * route's hooks follow the app's), so it knows the subject.
 */
export const limitsPlugin = fp<{ limits: TransportLimits }>(
  async (app: FastifyInstance, { limits }) => {
    const { pressureRetryAfterSeconds } = limits;
    app.decorate('transportLimits', limits);
    class Overloaded extends TransportProblem {
      constructor() {
        super(503, 'HTTP.OVERLOADED', 'the server is too busy to take this request now', pressureRetryAfterSeconds);
      }
    }
    await app.register(underPressure, {
      maxEventLoopDelay: limits.pressureMaxEventLoopDelayMs,
      maxHeapUsedBytes: limits.pressureMaxHeapUsedBytes,
      sampleInterval: limits.pressureSampleIntervalMs,
      retryAfter: pressureRetryAfterSeconds,
      customError: Overloaded,
    });

    await app.register(rateLimit, {
      timeWindow: limits.rateLimitWindowMs,
      keyGenerator: (request: FastifyRequest) => (request.identity ? `user:${request.identity.sub}` : `ip:${request.ip}`),
      max: (request: FastifyRequest) => (request.identity ? limits.rateLimitUser : limits.rateLimitAnonymous),
      errorResponseBuilder: (_request, context) => tooMany(`too many requests; retry in ${context.after}`, context.ttl),
      // A page load fetches a dozen of the web app's assets: counted, they
      // would lock out a station whose staff share one address. They are a
      // fixed set of files, cached by browsers for a year.
      allowList: (request: FastifyRequest) => request.url.startsWith('/assets/'),
    });
    registerAuthFailureBlock(app, limits);
  },
  { name: 'huiyin-limits' },
);

/**
 * 401s of requests that carried a credential are counted per address as they leave (fastify's rate limiter does
 * the counting); an address over the limit goes into `blocked` until its
 * window ends, and a plain map lookup turns it away on arrival, which
 * keeps the cost off every other request.
 */
function registerAuthFailureBlock(app: FastifyInstance, limits: TransportLimits): void {
  const blocked = new Map<string, number>();
  const countFailure = app.createRateLimit({
    keyGenerator: (request: FastifyRequest) => request.ip,
    max: limits.rateLimitAuthFailures,
    timeWindow: limits.rateLimitWindowMs,
  });
  app.addHook('onRequest', (request, _reply, done) => {
    const until = blocked.get(request.ip);
    if (until === undefined) return done();
    const left = until - Date.now();
    if (left <= 0) {
      blocked.delete(request.ip);
      return done();
    }
    done(tooMany('too many failed sign-ins from this address; retry later', left));
  });
  app.addHook('onResponse', (request, reply, done) => {
    // Only a refused credential is a guess: a page asking whether anyone is
    // signed in, with nothing to show, is not, and a village's citizens may
    // share one address.
    if (reply.statusCode !== 401 || !(request.headers.authorization || request.headers.cookie)) return done();
    countFailure(request).then(
      (state) => {
        if (!state.isAllowed && state.isExceeded) {
          if (blocked.size > 10_000) blocked.clear(); // a flood from many addresses must not grow this without bound
          blocked.set(request.ip, Date.now() + state.ttl);
        }
        done();
      },
      () => done(),
    );
  });
}
