import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordBody, demoAccounts, sessionView, signedIn, signedOut, signInBody } from '../../../contracts/credentials.js';
import { HuiyinError } from '../../../contracts/errors.js';
import type { Principal } from '../../../contracts/identity.js';
import { SESSION_SECONDS, type Credentials, type SignedInOutcome } from '../../accounts/credentials.js';
import { demoSignInList } from '../../demo/demo-sign-in.js';
import { requireUser } from '../auth/plugin.js';
import { clearSessionCookie, hasRequestHeader, REQUEST_HEADER, setSessionCookie } from '../auth/session-cookie.js';
import { problemResponses } from '../problem.js';
import { publicRouteConfig, publicSecurity } from '../public-routes.js';

const tags = ['session'];

/** Sign-in asks for the header even without a cookie: a form on another site must not sign anyone in. */
async function requireRequestHeader(request: FastifyRequest): Promise<void> {
  if (!hasRequestHeader(request)) throw new HuiyinError('AUTH.CSRF', `signing in needs the header ${REQUEST_HEADER}: 1`);
}

/**
 * Guesses per address, on top of each account's lock: as tight as tracking
 * look-ups, which guard a secret the same way.
 */
const signInRateLimit = (app: FastifyInstance) => ({
  rateLimit: {
    max: app.transportLimits.rateLimitPublicTrack,
    timeWindow: app.transportLimits.rateLimitWindowMs,
    keyGenerator: (request: FastifyRequest) => `sign-in:${request.ip}`,
  },
});

const signedInView = (outcome: Pick<SignedInOutcome, 'principal' | 'mustChange'>) => ({
  account: outcome.principal.sub,
  name: outcome.principal.name ?? outcome.principal.sub,
  role: outcome.principal.role,
  mustChangePassword: outcome.mustChange,
});

const whoView = (who: Principal, mustChange: boolean) => ({
  sub: who.sub,
  name: who.name ?? who.sub,
  role: who.role,
  stations: [...who.stations],
  area: who.area ?? null,
  mustChangePassword: mustChange,
});

/** Sign-in for the web app's people: a password, then a cookie session (API clients keep their bearer tokens). */
export const sessionRoutes: FastifyPluginAsync<{ credentials: Credentials }> = async (plain, { credentials }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/session',
    {
      config: signInRateLimit(app),
      preValidation: requireRequestHeader,
      schema: { tags, ...publicSecurity, body: signInBody, response: { 200: signedIn, ...problemResponses } },
    },
    async (request, reply) => {
      const outcome = await credentials.signIn(request.body.account, request.body.password, request.id);
      setSessionCookie(reply, outcome.key, SESSION_SECONDS);
      return signedInView(outcome);
    },
  );

  app.get('/api/session', { schema: { tags, response: { 200: sessionView, ...problemResponses } } }, async (request, reply) => {
    const who = await requireUser(request);
    reply.header('cache-control', 'no-store');
    return whoView(who, request.session?.mustChange ?? false);
  });

  app.delete('/api/session', { schema: { tags, response: { 200: signedOut, ...problemResponses } } }, async (request, reply) => {
    const ended = request.session ? await credentials.signOut(request.session, request.id) : false;
    clearSessionCookie(reply);
    return { signedOut: ended };
  });

  app.post(
    '/api/session/password',
    { config: signInRateLimit(app), schema: { tags, body: changePasswordBody, response: { 200: signedIn, ...problemResponses } } },
    async (request, reply) => {
      if (!request.session) throw new HuiyinError('AUTH.UNAUTHENTICATED', 'sign in (POST /api/session) to change your password');
      const outcome = await credentials.changePassword(request.session, request.body.current, request.body.next, request.id);
      setSessionCookie(reply, outcome.key, SESSION_SECONDS);
      return signedInView(outcome);
    },
  );

  app.get(
    '/api/session/demo-accounts',
    { config: publicRouteConfig(app, 'read'), schema: { tags, ...publicSecurity, response: { 200: demoAccounts, ...problemResponses } } },
    async () => {
      const list = await demoSignInList(credentials);
      if (!list) throw new HuiyinError('HTTP.NOT_FOUND', 'this is no demo: there are no demo accounts');
      return list;
    },
  );
};
