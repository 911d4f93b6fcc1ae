import { lockedForSeconds, type FailureRecord } from '../../workflows/credentials/lockout.js';

const REMEMBERED = 10_000;

/**
 * Wrong passwords for account ids that have none (unknown, switched off, an
 * API client): counted and locked exactly as a real account's, so that
 * neither the answers nor their timing tell whether an account exists.
 * Nothing is written for them (a stranger must not be able to fill the log),
 * so these counts live in memory, a bounded number of them.
 */
export class StrangerLockout {
  readonly #records = new Map<string, FailureRecord>();

  lockedForSeconds(account: string, nowMs: number): number {
    const record = this.#records.get(account);
    return record ? lockedForSeconds(record, nowMs) : 0;
  }

  recordFailure(account: string, nowMs: number): void {
    const failures = (this.#records.get(account)?.failures ?? 0) + 1;
    this.#records.delete(account);
    // The oldest-touched entry goes first: a flood of made-up ids cannot grow this without bound.
    if (this.#records.size >= REMEMBERED) this.#records.delete(this.#records.keys().next().value!);
    this.#records.set(account, { failures, lastFailureAt: new Date(nowMs).toISOString() });
  }
}
