import { hash } from 'node:crypto';

/** No 0/O, 1/I/L: a code read out over the phone must not be misheard. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A short code derived from the case id by SHA-256. Every case id carries
 * random bits (new ones lead with the time, then 74 random bits), and the
 * hash mixes them all, so knowing one code tells nothing about the next case's. The
 * derivation keeps the decider pure and a retried receipt gets the same code.
 */
export function trackingCodeFor(caseId: string): string {
  const digest = hash('sha256', `huiyin tracking code\n${caseId}`, 'buffer');
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[digest[i]! % ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
