import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../../contracts/event-store.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Rebuilds plain objects with their keys in order; JSON.stringify does the rest natively. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

/** JSON with object keys sorted at every depth: one byte string per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortedKeys) ?? 'null';
}

export interface HashedContent {
  streamName: string;
  revision: number;
  type: string;
  data: unknown;
  /** Metadata without `hash` itself; it includes `prevHash`. */
  metadata: Record<string, unknown>;
}

export function hashEvent(content: HashedContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * A UUID derived from the stream, the command id and the event's index in
 * the command, so a retried command proposes the very same event ids.
 */
export function deriveEventId(streamName: string, commandId: string, index: number): string {
  const h = createHash('sha256').update(`${streamName}\n${commandId}\n${index}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80; // version 8: custom, name-based
  h[8] = (h[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: string };

/** Recomputes every link of a stream's chain; the first bad event is named. */
export function verifyChain(events: RecordedEvent[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (const [i, event] of events.entries()) {
    const { hash, ...rest } = event.metadata;
    if (rest.prevHash !== prevHash) {
      return { ok: false, checked: i, brokenAt: event.revision, reason: 'prevHash does not match the previous event' };
    }
    const expected = hashEvent({
      streamName: event.streamName,
      revision: event.revision,
      type: event.type,
      data: event.data,
      metadata: rest,
    });
    if (hash !== expected) {
      return { ok: false, checked: i, brokenAt: event.revision, reason: 'content does not match its hash' };
    }
    prevHash = hash;
  }
  return { ok: true, checked: events.length };
}
