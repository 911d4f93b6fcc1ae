import type { FoldedStream } from './fold.js';

/**
 * Folded streams by name, least recently used evicted first. A cached state
 * is only a head start: loading always reads what came after it, so another
 * writer (or another process) can never make it stale.
 */
export class StreamCache {
  readonly #entries = new Map<string, { stream: FoldedStream; checkedAt: number }>();

  constructor(
    readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(streamName: string): FoldedStream | undefined {
    return this.#touch(streamName)?.stream;
  }

  /** The cached state if it was read from, or written to, the store within `maxAgeMs`. */
  fresh(streamName: string, maxAgeMs: number): FoldedStream | undefined {
    const entry = this.#touch(streamName);
    return entry && this.now() - entry.checkedAt <= maxAgeMs ? entry.stream : undefined;
  }

  #touch(streamName: string) {
    const entry = this.#entries.get(streamName);
    if (entry) {
      this.#entries.delete(streamName);
      this.#entries.set(streamName, entry);
    }
    return entry;
  }

  /** Keeps the further-folded state when two loads race. */
  put(entry: FoldedStream): void {
    const current = this.#entries.get(entry.streamName);
    if (current && current.stream.revision > entry.revision) return;
    this.#entries.delete(entry.streamName);
    this.#entries.set(entry.streamName, { stream: entry, checkedAt: this.now() });
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

}
