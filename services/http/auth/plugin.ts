import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HuiyinError } from '../../../contracts/errors.js';
import type { Claims } from '../../../contracts/identity.js';
import type { TokenService } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for requests that carried a valid bearer token. */
    claims?: Claims;
  }
}

/** Reads the bearer token if there is one; routes decide whether they need it. */
export function registerAuth(app: FastifyInstance, tokens: TokenService): void {
  app.decorateRequest('claims', undefined);
  // A callback hook, not an async one: it runs on every request and has
  // nothing to await, so it need not cost a promise and a microtask.
  app.addHook('onRequest', (request, _reply, done) => {
    const header = request.headers.authorization;
    if (!header) return done();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const claims = match ? tokens.verify(match[1]!) : undefined;
    if (!claims) return done(new HuiyinError('AUTH.UNAUTHENTICATED', 'the bearer token is missing, malformed, expired or not ours'));
    request.claims = claims;
    request.log = request.log.child({ user: claims.sub, role: claims.role });
    done();
  });
}

/** The caller's claims, or 401. */
export function requireUser(request: FastifyRequest): Claims {
  if (!request.claims) throw new HuiyinError('AUTH.UNAUTHENTICATED', 'sign in with a bearer token');
  return request.claims;
}

/** The caller's claims if they hold one of the roles, else 401/403. */
export function requireRole(request: FastifyRequest, ...roles: Claims['role'][]): Claims {
  const claims = requireUser(request);
  if (!roles.includes(claims.role)) {
    throw new HuiyinError('AUTH.FORBIDDEN', `this needs the role ${roles.join(' or ')}`, { role: claims.role });
  }
  return claims;
}
