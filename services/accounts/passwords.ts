import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHash } from '../../contracts/credentials.js';
import { HuiyinError } from '../../contracts/errors.js';

/** scrypt's cost: about 50 ms and 16 MB per check, so guessing is slow and the server is not. */
const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // Room for the memory scrypt needs (128·N·r bytes) at the cost a stored hash names.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return { algorithm: 'scrypt', ...COST, salt: salt.toString('base64'), key: key.toString('base64') };
}

/** Whether `password` is the one hashed, in time that does not depend on how much of it matched. */
export async function passwordMatches(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.key, 'base64');
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of nothing anyone knows: an unknown account's sign-in is checked
 * against it, so it takes as long as a wrong password on a real one.
 */
export const decoyHash: Promise<PasswordHash> = hashPassword(randomBytes(24).toString('base64'));

/**
 * The rules the body schema cannot see: a password is not its account's id,
 * and a new one is not the old one. `field` is where the client sent it.
 */
export function checkNewPassword(password: string, account: string, field: string, previous?: string): void {
  const problems: string[] = [];
  if (password.trim().toLowerCase() === account.toLowerCase()) problems.push('must not be the account id');
  if (previous !== undefined && password === previous) problems.push('must differ from the current password');
  if (problems.length === 0) return;
  throw new HuiyinError('HTTP.BAD_REQUEST', `invalid body: ${field}`, {
    errors: problems.map((message) => ({ in: 'body', path: field, message })),
  });
}
