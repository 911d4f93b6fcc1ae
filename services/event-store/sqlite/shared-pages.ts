import type { AllFilter, LogPosition, RecordedEvent } from '../../../contracts/event-store.js';

interface Page {
  events: RecordedEvent[];
  /** The commit count when it was read: a short page is only whole until the next commit. */
  commit: number;
}

// Subscriptions take a turn per batch each, so they stay within a few pages
// of one another. Bounded in pages: 64 of 256 events, a few dozen MB for
// the events cases write (an append may be up to 1 MiB, so not in bytes).
const KEPT_PAGES = 64;

/**
 * The pages subscriptions pulled lately, parsed. Every read model follows
 * the same log from nearly the same place, and parsing an event's JSON is a
 * large part of applying it: read once, a page serves every subscription
 * that asks for it next (measured: three read models rebuilding side by
 * side parsed every event three times). A full page never changes (the log
 * only grows at its end); a short one stands until the next commit.
 * The events handed out are shared: nothing may change them.
 */
export class SharedPages {
  readonly #pages = new Map<string, Page>();
  #commits = 0;

  /** A commit landed: short pages may now be longer. */
  committed(): void {
    this.#commits++;
  }

  read(after: LogPosition, limit: number, filter: AllFilter | undefined, read: () => RecordedEvent[]): RecordedEvent[] {
    const key = `${after}|${limit}|${filter ? JSON.stringify(filter) : ''}`;
    const kept = this.#pages.get(key);
    if (kept && (kept.events.length === limit || kept.commit === this.#commits)) return kept.events;
    const commit = this.#commits;
    const events = read();
    if (events.length === 0) return events;
    this.#pages.delete(key);
    this.#pages.set(key, { events, commit });
    if (this.#pages.size > KEPT_PAGES) this.#pages.delete(this.#pages.keys().next().value!);
    return events;
  }
}
