import type { LogPosition } from '../../../contracts/event-store.js';
import type { ServerPosition } from './client.js';

/**
 * EventStoreDB positions are byte offsets in its transaction file, a
 * {commit, prepare} pair of 64-bit numbers; for every ordinary write (one
 * append, one or many events) commit == prepare, and every event has its own.
 * The server only accepts positions where a record starts: reading from a
 * position inside a record fails.
 *
 * The port's LogPosition is one number that callers compare and, at times,
 * step past with `p + 1`. So an event's LogPosition is twice its commit
 * position: even numbers are events, and an odd number 2c + 1 means "just
 * after the event at commit c" — which is exactly what `p + 1` means to its
 * caller. Both resolve to the same exact server position, so `p + 1` costs
 * no search. Any other number that is not from this store is not a position
 * the server can start from.
 *
 * Events of explicit multi-append transactions (a legacy TCP-client feature
 * Huiyin never uses) share a commit position; they are not supported.
 */

// 2 × commit must stay a safe integer: commits up to 4 PiB of log.
const MAX_COMMIT = BigInt(Number.MAX_SAFE_INTEGER) / 2n;

export function toLogPosition(commit: bigint | undefined): LogPosition {
  if (commit === undefined || commit < 0n || commit > MAX_COMMIT) {
    throw new RangeError(`log position ${String(commit)} is out of range (the server must report commit positions)`);
  }
  return Number(commit) * 2;
}

/** Where a port position points on the server: an event there, or the point just after it. */
export type Located = 'start' | { at: ServerPosition; after: boolean };

export function locate(position: LogPosition | 'start', what = 'fromPosition'): Located {
  if (position === 'start') return 'start';
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`invalid ${what} ${String(position)}`);
  }
  const commit = Math.floor(position / 2);
  // The log's first record (an epoch record) sits at 0; no event does.
  if (commit === 0) return 'start';
  const exact = BigInt(commit);
  return { at: { commit: exact, prepare: exact }, after: position % 2 === 1 };
}

/** True when the event at `commit` is the one a located position names. */
export function isAt(located: Located, commit: bigint | undefined): boolean {
  return located !== 'start' && commit === located.at.commit;
}
