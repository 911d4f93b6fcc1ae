import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HuiyinError } from '../../../contracts/errors.js';
import type { Principal, TokenClaims } from '../../../contracts/identity.js';
import type { OpenSessionFacts } from '../../accounts/credentials.js';
import type { Accounts } from '../../accounts/rights.js';
import { hasRequestHeader, isSafeMethod, readSessionCookie } from './session-cookie.js';
import type { TokenService } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who a valid bearer token says the caller is (rights are read from the directory). */
    identity?: TokenClaims;
    /** The open session the cookie named, when the cookie (not a bearer token) signed the request. */
    session?: OpenSessionFacts;
  }
  interface FastifyInstance {
    /** Rights from the directory for a signed-in identity. */
    accounts: Accounts;
  }
}

/** Reads the bearer token if there is one; routes decide whether they need it. */
export function registerAuth(app: FastifyInstance, tokens: TokenService): void {
  app.decorateRequest('identity', undefined);
  // A callback hook, not an async one: it runs on every request and has
  // nothing to await, so it need not cost a promise and a microtask.
  app.addHook('onRequest', (request, _reply, done) => {
    const header = request.headers.authorization;
    if (!header) return done();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const identity = match ? tokens.verify(match[1]!) : undefined;
    if (!identity) return done(new HuiyinError('AUTH.UNAUTHENTICATED', 'the bearer token is missing, malformed, expired, without an expiry, or not ours'));
    request.identity = identity;
    request.log = request.log.child({ user: identity.sub });
    done();
  });
}

export interface SessionLookup {
  session(cookie: string): Promise<OpenSessionFacts | undefined>;
}

/** The route matched (its pattern, not the URL as sent, so no spelling of a path slips past), else the path. */
const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? request.url.split('?', 1)[0]!;
/** What a session whose password must change may still use: the session routes, and anything not of the API (the pages). */
const allowedBeforeChange = (path: string) => !path.startsWith('/api/') || path === '/api/session' || path.startsWith('/api/session/');

/**
 * The web app's people sign in with the session cookie instead (see
 * routes/session.ts). A bearer token, when sent, decides alone, as before.
 * A cookie that names no open session leaves the request unsigned, so
 * public pages keep working after a session ends; routes that need someone
 * answer 401. Writes signed by the cookie must carry X-Huiyin-Request.
 */
export function registerSessionAuth(app: FastifyInstance, sessions: SessionLookup): void {
  app.decorateRequest('session', undefined);
  // As the bearer hook: a callback, so requests without the cookie (most of them) cost no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.headers.authorization !== undefined) return done();
    const cookie = readSessionCookie(request.headers.cookie);
    if (cookie === undefined) return done();
    if (!isSafeMethod(request.method) && !hasRequestHeader(request)) {
      return done(new HuiyinError('AUTH.CSRF', 'a request signed by the session cookie must carry the header X-Huiyin-Request: 1'));
    }
    sessions.session(cookie).then((session) => {
      if (!session) return done();
      request.identity = session.claims;
      request.session = session;
      request.log = request.log.child({ user: session.account });
      if (session.mustChange && !allowedBeforeChange(routeOf(request))) {
        return done(new HuiyinError('AUTH.PASSWORD_CHANGE_REQUIRED', 'choose a new password first (POST /api/session/password)'));
      }
      done();
    }, done);
  });
}

/** The caller with the rights the directory gives them now, or 401. */
export function requireUser(request: FastifyRequest): Promise<Principal> {
  if (!request.identity) return Promise.reject(new HuiyinError('AUTH.UNAUTHENTICATED', 'sign in (POST /api/session), or send a bearer token'));
  return request.server.accounts.principalFor(request.identity);
}

/** The caller if they hold one of the roles, else 401/403. */
export async function requireRole(request: FastifyRequest, ...roles: Principal['role'][]): Promise<Principal> {
  const who = await requireUser(request);
  if (!roles.includes(who.role)) {
    throw new HuiyinError('AUTH.FORBIDDEN', `this needs the role ${roles.join(' or ')}`, { role: who.role });
  }
  return who;
}
