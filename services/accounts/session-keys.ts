import { hash, randomBytes } from 'node:crypto';

/**
 * What a session cookie holds: the account id and a random secret. The log
 * keeps only a digest of the secret (the session id), so whoever reads the
 * log cannot sign in as anyone; the account id says which stream to ask.
 */
export interface SessionKey {
  account: string;
  secret: string;
}

const SECRET_BYTES = 32;
// An account id (contracts/ids.ts entryId) and 32 bytes in base64url; `~` is in neither.
const KEY = /^([a-z0-9][a-z0-9_.-]{0,63})~([A-Za-z0-9_-]{43})$/;

export function newSessionKey(account: string): SessionKey {
  return { account, secret: randomBytes(SECRET_BYTES).toString('base64url') };
}

export const sessionKeyText = (key: SessionKey) => `${key.account}~${key.secret}`;

export function parseSessionKey(text: string): SessionKey | undefined {
  const match = KEY.exec(text);
  return match ? { account: match[1]!, secret: match[2]! } : undefined;
}

/** The session id the log records for a key. */
export const sessionIdOf = (key: SessionKey) => hash('sha256', key.secret, 'base64url');
