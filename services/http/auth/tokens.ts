import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSigner, createVerifier } from 'fast-jwt';
import { claimsSchema, type Claims } from '../../../contracts/identity.js';

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

export interface TokenService {
  sign(claims: Claims, ttlSeconds?: number): string;
  /** The token's claims, or undefined when the token is bad or expired. */
  verify(token: string): Claims | undefined;
}

const CACHED_TOKENS = 10_000;

export function tokenService(secret: string, clock: { now(): number } = Date): TokenService {
  const verifier = createVerifier({ key: secret, algorithms: ['HS256'] });
  // A client sends the same token on every request: verify and parse it
  // once, then only check that it has not expired since.
  const known = new Map<string, { claims: Claims; expiresAt: number }>();
  return {
    sign(claims, ttlSeconds = 12 * 3600) {
      return createSigner({ key: secret, algorithm: 'HS256', expiresIn: ttlSeconds * 1000 })({ ...claims });
    },
    verify(token) {
      const hit = known.get(token);
      if (hit) return clock.now() < hit.expiresAt ? hit.claims : undefined;
      try {
        const payload = verifier(token) as { exp?: number };
        const parsed = claimsSchema.safeParse(payload);
        if (!parsed.success) return undefined;
        if (known.size >= CACHED_TOKENS) known.delete(known.keys().next().value!);
        known.set(token, { claims: parsed.data, expiresAt: payload.exp ? payload.exp * 1000 : Infinity });
        return parsed.data;
      } catch {
        return undefined;
      }
    },
  };
}
