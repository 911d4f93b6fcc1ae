import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventStore, LogPosition } from '../../contracts/event-store.js';
import { verifyChain } from '../../workflows/engine/hash-chain.js';

/** A stream whose hash chain does not hold: the first event that fails, and why. */
export interface BrokenStream {
  stream: string;
  brokenAt: number;
  reason: string;
}

export interface WalkResult {
  streams: number;
  events: number;
  broken: BrokenStream[];
  /** False when the walk was stopped before the end of the log. */
  complete: boolean;
}

// Events per page of $all read to find the streams; small enough to parse in a turn.
const PAGE = 256;

/**
 * Walks the whole log stream by stream: pages of `$all` name the streams in
 * the order they first appear, and each is read back whole from the store
 * (never a cache) and its chain recomputed. A turn of the event loop passes
 * before every stream and every page, so requests are served in between;
 * `stopping()` is asked as often, so closing the service ends a walk at once.
 */
export async function walkLog(store: EventStore, stopping: () => boolean): Promise<WalkResult> {
  const seen = new Set<string>();
  const result: WalkResult = { streams: 0, events: 0, broken: [], complete: false };
  let from: LogPosition | 'start' = 'start';
  for (;;) {
    await nextTurn();
    if (stopping()) return result;
    const page = await store.readAll({ fromPosition: from, maxCount: PAGE });
    for (const { streamName } of page) {
      if (seen.has(streamName)) continue;
      seen.add(streamName);
      await nextTurn();
      if (stopping()) return result;
      const events = await store.readStream(streamName);
      const verdict = verifyChain(events);
      result.streams += 1;
      result.events += events.length;
      if (!verdict.ok) result.broken.push({ stream: streamName, brokenAt: verdict.brokenAt, reason: verdict.reason });
    }
    if (page.length < PAGE) return { ...result, complete: true };
    from = page.at(-1)!.position + 1;
  }
}
