import { timingSafeEqual } from 'node:crypto';
import { HuiyinError } from '../../contracts/errors.js';

/** Whether a phone number ends in these four digits (compared in constant time). */
export function phoneEndsWith(phone: string | undefined, phone4: string): boolean {
  const digits = (phone ?? '').replace(/\D/g, '').slice(-4);
  return digits.length === 4 && phone4.length === 4 && timingSafeEqual(Buffer.from(digits), Buffer.from(phone4));
}

/** Wrong tries a tracking code takes in a window before it answers nothing more (10,000 phone endings exist). */
export const MAX_WRONG_TRIES = 5;
const WINDOW_MS = 3_600_000;
/** Enough for every code tried in a window on one instance; past it the oldest are forgotten first. */
const MAX_CODES = 100_000;

/**
 * Tracking codes by the wrong tries made on them. A code is unlocked by
 * its phone's last four digits; the per-address limit alone would let
 * many addresses try all 10,000 endings of a code seen on a receipt. So a
 * code that took a few wrong tries within the hour answers 429 to every
 * try, right or wrong, until its hour is over. Unknown codes are counted
 * the same, so the lock says nothing about whether a code exists.
 * Each instance counts its own tries.
 */
export class CodeGuard {
  readonly #tries = new Map<string, { count: number; since: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Refuses a code locked by wrong tries. */
  check(code: string): void {
    const entry = this.#current(code);
    if (entry && entry.count >= MAX_WRONG_TRIES) {
      const retryAfterSeconds = Math.ceil((entry.since + WINDOW_MS - this.now()) / 1000);
      throw new HuiyinError('TRACKING.LOCKED', 'too many wrong tries for this tracking code; try again later', { retryAfterSeconds });
    }
  }

  /** Counts a wrong try (an unknown code or wrong digits). */
  wrong(code: string): void {
    const entry = this.#current(code) ?? { count: 0, since: this.now() };
    entry.count++;
    this.#tries.delete(code);
    this.#tries.set(code, entry);
    if (this.#tries.size > MAX_CODES) this.#tries.delete(this.#tries.keys().next().value!);
  }

  #current(code: string) {
    const entry = this.#tries.get(code);
    if (entry && this.now() - entry.since >= WINDOW_MS) {
      this.#tries.delete(code);
      return undefined;
    }
    return entry;
  }
}
