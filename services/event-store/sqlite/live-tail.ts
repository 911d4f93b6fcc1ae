import { categoryOf, type AllFilter, type LogPosition, type RecordedEvent } from '../../../contracts/event-store.js';

// How many of the newest events are kept, parsed: a subscription that falls
// further behind than this reads its pages from the file again.
const KEPT_EVENTS = 4_096;
// Read from the file this many at a time when the tail is brought up to date.
const READ_AT_ONCE = 1_024;

/** Reads, unfiltered, the events after a position: the file's own page query. */
export type ReadUnfiltered = (after: LogPosition, limit: number) => RecordedEvent[];

/**
 * The newest events of the log, read once for every live subscription.
 * Each read model follows the log with a filter of its own, so under load
 * every commit made each one query and parse the same new events again
 * (a tenth of the request thread's time with six case read models). Once
 * caught up they ask here instead: after each commit the new events are
 * read and parsed once, unfiltered, and each subscription takes what its
 * filter matches. It holds every event of the log between `#after`
 * (exclusive) and `#upTo` (inclusive), with no gap, so an answer from it is
 * the same as the file's. The events handed out are shared: nothing may
 * change them.
 */
export class LiveTail {
  #events: RecordedEvent[] = [];
  #categories: string[] = [];
  #after = 0;
  #upTo = 0;
  /** The commit count when the tail was last brought up to date; -1: not yet started. */
  #commit = -1;

  constructor(private readonly readUnfiltered: ReadUnfiltered) {}

  /**
   * Up to `limit` events after `after` that `filter` matches, when the tail
   * covers `after` (else undefined: read the file). `commits` counts the
   * commits so far; a new one brings the tail up to date first.
   */
  read(after: LogPosition, limit: number, filter: AllFilter | undefined, commits: number): RecordedEvent[] | undefined {
    if (this.#commit === -1) this.#restart(after);
    if (this.#commit !== commits && !this.#catchUp(commits)) return undefined;
    // Older than the oldest event kept (the tail may just have let some go).
    if (after < this.#after) return undefined;
    // Read past the tail through the file: the tail starts again there.
    if (after > this.#upTo) {
      this.#restart(after);
      return undefined;
    }
    const matches = filterTest(filter);
    const found: RecordedEvent[] = [];
    for (let i = this.#firstAfter(after); i < this.#events.length && found.length < limit; i++) {
      if (matches(this.#events[i]!, this.#categories[i]!)) found.push(this.#events[i]!);
    }
    return found;
  }

  #restart(after: LogPosition): void {
    this.#events = [];
    this.#categories = [];
    this.#after = this.#upTo = after;
    this.#commit = -1;
  }

  /** Reads every event committed since; false (and the tail let go) when far more came than it keeps. */
  #catchUp(commits: number): boolean {
    for (;;) {
      const page = this.readUnfiltered(this.#upTo, READ_AT_ONCE);
      for (const event of page) {
        this.#events.push(event);
        this.#categories.push(categoryOf(event.streamName));
      }
      if (page.length > 0) this.#upTo = page.at(-1)!.position;
      if (page.length < READ_AT_ONCE) break;
      if (this.#events.length > 2 * KEPT_EVENTS) {
        this.#restart(this.#upTo);
        return false;
      }
    }
    this.#commit = commits;
    const over = this.#events.length - KEPT_EVENTS;
    if (over > 0) {
      this.#after = this.#events[over - 1]!.position;
      this.#events.splice(0, over);
      this.#categories.splice(0, over);
    }
    return true;
  }

  /** The index of the first event after `after`. */
  #firstAfter(after: LogPosition): number {
    let low = 0;
    let high = this.#events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#events[middle]!.position <= after) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function filterTest(filter: AllFilter | undefined): (event: RecordedEvent, category: string) => boolean {
  if (!filter) return () => true;
  if (filter.kind === 'category') {
    const categories = new Set(filter.categories);
    return (_event, category) => categories.has(category);
  }
  const types = new Set(filter.types);
  return (event) => types.has(event.type);
}
