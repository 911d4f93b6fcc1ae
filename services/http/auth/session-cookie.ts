import type { FastifyReply, FastifyRequest } from 'fastify';

/** The web app's session: an httpOnly cookie the page's scripts never see. */
export const SESSION_COOKIE = 'huiyin_session';

/**
 * The header every write signed by the cookie carries. A form on another
 * site cannot add a header, and a script there may not send one across
 * sites without asking (CORS), which Huiyin never allows.
 */
export const REQUEST_HEADER = 'x-huiyin-request';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isSafeMethod = (method: string) => SAFE_METHODS.has(method);
export const hasRequestHeader = (request: FastifyRequest) => request.headers[REQUEST_HEADER] === '1';

/** The session cookie's value from a Cookie header, if it has one. */
export function readSessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq !== -1 && pair.slice(0, eq).trim() === SESSION_COOKIE) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Strict: the browser never sends it with a request another site started.
 * Secure when the request came over https (directly, or through a proxy
 * TRUST_PROXY believes), so that a plain-http development server works too.
 */
function cookieText(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Max-Age=${maxAgeSeconds}; Path=/; HttpOnly; SameSite=Strict${secure}`;
}

export function setSessionCookie(reply: FastifyReply, value: string, maxAgeSeconds: number): void {
  reply.header('set-cookie', cookieText(reply.request, value, maxAgeSeconds));
  // A signed-in answer is one person's: no cache keeps it for another.
  reply.header('cache-control', 'no-store');
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.header('set-cookie', cookieText(reply.request, '', 0));
}
