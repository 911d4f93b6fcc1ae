import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { systemPrincipal } from '../../../contracts/identity.js';
import { actorOf } from '../../../services/commands/envelope.js';
import type { TestApp, Who } from '../../support/test-app.js';

/** What the web app sends with every request: a cross-site form cannot. */
export const fromTheApp = { 'x-huiyin-request': '1' };

export const password = 'correct horse battery';

/** A person of the tests' directory with a password of their own (no change asked), ready to sign in. */
export async function personWithPassword(test: TestApp, who: Who, chosen = password): Promise<void> {
  await test.auth(who);
  await test.app.credentials.setPassword(actorOf(systemPrincipal('test-setup')), who.sub, chosen, false);
}

export const signIn = (app: FastifyInstance, account: string, typed: string, headers: Record<string, string> = fromTheApp) =>
  app.inject({ method: 'POST', url: '/api/session', headers, payload: { account, password: typed } });

/** The Cookie header that sends back the session a response set. */
export function cookieFrom(res: LightMyRequestResponse): string {
  const set = String(res.headers['set-cookie'] ?? '');
  const value = /^huiyin_session=([^;]*)/.exec(set)?.[1];
  if (!value) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `huiyin_session=${value}`;
}

/** A request as the web app sends it: the cookie, and the header on writes unless told otherwise. */
export function withCookie(
  app: FastifyInstance,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body?: object,
  headers: Record<string, string> = method === 'GET' ? {} : fromTheApp,
) {
  return app.inject({ method, url, headers: { cookie, ...headers }, ...(body === undefined ? {} : { payload: body }) });
}

/** Signs in and answers the Cookie header of the new session. */
export async function sessionOf(app: FastifyInstance, account: string, typed = password): Promise<string> {
  return cookieFrom(await signIn(app, account, typed));
}
