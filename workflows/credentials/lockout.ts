/**
 * Guessing a password costs time: after five wrong ones in a row the
 * account is locked for a minute, and each further wrong one (tried once a
 * lock has ended) doubles the lock, up to an hour. A right one resets the
 * count. Everything here follows from the folded events, so a restart
 * forgets nothing.
 */
export const FAILURES_BEFORE_LOCK = 5;
export const FIRST_LOCK_MS = 60_000;
export const LONGEST_LOCK_MS = 3_600_000;

/** How long the account stays locked after its `failures`-th wrong password in a row. */
export function lockDurationMs(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0;
  // 2^6 minutes already passes the hour: the exponent never needs to grow further.
  const doublings = Math.min(failures - FAILURES_BEFORE_LOCK, 6);
  return Math.min(FIRST_LOCK_MS * 2 ** doublings, LONGEST_LOCK_MS);
}

export interface FailureRecord {
  /** Wrong passwords since the last right one. */
  failures: number;
  /** When the last of them was tried. */
  lastFailureAt: string | null;
}

/** Whole seconds until the lock ends (at least 1), or 0 when the account is not locked at `now`. */
export function lockedForSeconds(record: FailureRecord, nowMs: number): number {
  if (record.lastFailureAt === null) return 0;
  const until = Date.parse(record.lastFailureAt) + lockDurationMs(record.failures);
  return until > nowMs ? Math.max(1, Math.ceil((until - nowMs) / 1000)) : 0;
}
