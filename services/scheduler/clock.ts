/**
 * The scheduler's time: what "now" is and how to wait. Tests hand in a
 * clock they move by hand, so no test sleeps for a deadline to pass.
 */
export interface Clock {
  now(): number;
  /** Calls `wake` after about `ms`; returns what `cancel` takes. */
  wakeAfter(ms: number, wake: () => void): unknown;
  cancel(handle: unknown): void;
}

/** setTimeout cannot wait longer than this; a later deadline is waited for in steps. */
export const LONGEST_WAIT_MS = 2_147_483_647;

export const systemClock: Clock = {
  now: () => Date.now(),
  wakeAfter: (ms, wake) => setTimeout(wake, Math.min(ms, LONGEST_WAIT_MS)).unref(),
  cancel: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
