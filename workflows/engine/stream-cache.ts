import type { FoldedStream } from './fold.js';

interface Entry {
  stream: FoldedStream;
  checkedAt: number;
}

/**
 * Folded streams by name, the least recently used dropped first — in two
 * generations rather than one ordered list: whatever is used goes into
 * `recent`; when `recent` holds half the capacity it becomes `older`, and
 * the previous `older` is dropped whole. Every operation is O(1). (A single
 * Map kept in use order had to delete and re-insert on every hit, and V8
 * leaves the deleted slots for the eviction to walk past: that walk was a
 * tenth of a command's time.) A cached state is only a head start: loading
 * always reads what came after it, so another writer can never make it stale.
 */
export class StreamCache {
  #recent = new Map<string, Entry>();
  #older = new Map<string, Entry>();
  readonly #generation: number;

  constructor(
    readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#generation = Math.max(1, Math.ceil(capacity / 2));
  }

  /** Streams held now: never more than the capacity. */
  get size(): number {
    return this.#recent.size + this.#older.size;
  }

  get(streamName: string): FoldedStream | undefined {
    return this.#use(streamName)?.stream;
  }

  /** The cached state if it was read from, or written to, the store within `maxAgeMs`. */
  fresh(streamName: string, maxAgeMs: number): FoldedStream | undefined {
    const entry = this.#use(streamName);
    return entry && this.now() - entry.checkedAt <= maxAgeMs ? entry.stream : undefined;
  }

  /** Keeps the further-folded state when two loads race. */
  put(stream: FoldedStream): void {
    if (this.capacity <= 0) return;
    const current = this.#recent.get(stream.streamName) ?? this.#older.get(stream.streamName);
    if (current && current.stream.revision > stream.revision) return;
    this.#older.delete(stream.streamName);
    this.#keep(stream.streamName, { stream, checkedAt: this.now() });
  }

  #use(streamName: string): Entry | undefined {
    const recent = this.#recent.get(streamName);
    if (recent) return recent;
    const older = this.#older.get(streamName);
    if (older) {
      this.#older.delete(streamName);
      this.#keep(streamName, older);
    }
    return older;
  }

  #keep(streamName: string, entry: Entry): void {
    this.#recent.set(streamName, entry);
    if (this.#recent.size >= this.#generation) {
      this.#older = this.#recent;
      this.#recent = new Map();
    }
  }
}
