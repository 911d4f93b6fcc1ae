import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HuiyinError } from '../../../contracts/errors.js';
import type { Principal, TokenClaims } from '../../../contracts/identity.js';
import type { Accounts } from '../../accounts/rights.js';
import type { TokenService } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who a valid bearer token says the caller is (rights are read from the directory). */
    identity?: TokenClaims;
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

/** The caller with the rights the directory gives them now, or 401. */
export function requireUser(request: FastifyRequest): Promise<Principal> {
  if (!request.identity) return Promise.reject(new HuiyinError('AUTH.UNAUTHENTICATED', 'sign in with a bearer token'));
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
