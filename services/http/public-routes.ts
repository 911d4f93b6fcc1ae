import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The online station's routes need no sign-in, so nobody is accountable
 * for what they ask: each kind counts per address in a window of its own,
 * tighter than the app-wide anonymous limit. Writes are tightest after
 * tracking lookups, which must not let a tracking code be guessed by
 * trying them one after another.
 */
export type PublicRouteKind = 'read' | 'write' | 'track';

const maxOf = { read: 'rateLimitPublicRead', write: 'rateLimitPublicWrite', track: 'rateLimitPublicTrack' } as const;

/** The route `config` of a public route: its rate limit, counted per address and per kind. */
export function publicRouteConfig(app: FastifyInstance, kind: PublicRouteKind) {
  const limits = app.transportLimits;
  return {
    rateLimit: {
      max: limits[maxOf[kind]],
      timeWindow: limits.rateLimitWindowMs,
      keyGenerator: (request: FastifyRequest) => `public-${kind}:${request.ip}`,
    },
  };
}

/** What a citizen may send: a message is a few paragraphs, and nothing they type needs more. */
export const PUBLIC_BODY_LIMIT = 8 * 1024;

/** OpenAPI: a public route needs no bearer token. */
export const publicSecurity: { security: [] } = { security: [] };
