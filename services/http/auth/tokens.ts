import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSigner, createVerifier } from 'fast-jwt';
import { tokenClaimsSchema, type TokenClaims } from '../../../contracts/identity.js';

/**
 * The HS256 key: AUTH_SECRET when set, else a random key generated once into
 * DATA_DIR and reused, so tokens survive a restart without configuration.
 */
export async function loadAuthSecret(dataDir: string, fromEnv = process.env.AUTH_SECRET): Promise<string> {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'auth-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // 'wx' fails if another process created it meanwhile; then read theirs.
  try {
    await writeFile(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    await chmod(file, 0o600);
    return secret;
  } catch {
    return (await readFile(file, 'utf8')).trim();
  }
}

/** Who a token is for: rights are never in a token. */
export interface TokenSubject {
  sub: string;
  name?: string;
}

export interface TokenService {
  /** A token for the subject, issued now and expiring after `ttlSeconds` (default 12 h). */
  sign(subject: TokenSubject, ttlSeconds?: number): string;
  /** The token's claims, or undefined when the token is bad, expired or carries no expiry. */
  verify(token: string): TokenClaims | undefined;
}

const CACHED_TOKENS = 10_000;

export function tokenService(secret: string, clock: { now(): number } = Date): TokenService {
  const verifier = createVerifier({ key: secret, algorithms: ['HS256'] });
  // A client sends the same token on every request: verify and parse it
  // once, then only check that it has not expired since.
  const known = new Map<string, { claims: TokenClaims; expiresAt: number }>();
  return {
    sign(subject, ttlSeconds = 12 * 3600) {
      const payload: TokenSubject = { sub: subject.sub };
      if (subject.name !== undefined) payload.name = subject.name;
      return createSigner({ key: secret, algorithm: 'HS256', expiresIn: ttlSeconds * 1000, clockTimestamp: clock.now() })({ ...payload });
    },
    verify(token) {
      const hit = known.get(token);
      if (hit) return clock.now() < hit.expiresAt ? hit.claims : undefined;
      try {
        const payload = verifier(token) as { exp?: number };
        // No expiry, no entry: a token that never expires is refused.
        const parsed = tokenClaimsSchema.safeParse(payload);
        if (!parsed.success) return undefined;
        if (known.size >= CACHED_TOKENS) known.delete(known.keys().next().value!);
        known.set(token, { claims: parsed.data, expiresAt: parsed.data.exp * 1000 });
        return parsed.data;
      } catch {
        return undefined;
      }
    },
  };
}
