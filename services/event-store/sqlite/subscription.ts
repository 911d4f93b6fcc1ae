import type {
  AllFilter,
  LogPosition,
  RecordedEvent,
  Subscription,
  SubscriptionMessage,
} from '../../../contracts/event-store.js';

/** The categories and event types one commit wrote. */
export interface CommitSummary {
  categories: ReadonlySet<string>;
  types: ReadonlySet<string>;
}

/** Wakes every subscription: the store closing, or a commit not summarised. */
export const ANYTHING: CommitSummary = { categories: new Set(), types: new Set() };

/** What a subscription needs from the store; every call is synchronous except the wait. */
export interface SubscriptionSource {
  /** `live`: the subscription has caught up once, so it reads near the log's end. */
  readAfter(position: LogPosition, limit: number, filter: AllFilter | undefined, live: boolean): RecordedEvent[];
  head(): LogPosition;
  /** Settles after the next commit that wrote events, or when the store closes. */
  nextCommit(): Promise<CommitSummary>;
}

function mayMatch(filter: AllFilter | undefined, written: CommitSummary): boolean {
  if (!filter || written === ANYTHING) return true;
  return filter.kind === 'category'
    ? filter.categories.some((category) => written.categories.has(category))
    : filter.types.some((type) => written.types.has(type));
}

// Small enough that a page of large events stays a modest allocation.
const PAGE_SIZE = 256;

/**
 * Pull-based catch-up subscription. It keeps no queue of pushed events: it
 * reads pages after the last position it delivered, so history and live
 * events come from the same query and cannot overlap or leave a gap, and a
 * slow consumer only delays its own reads.
 */
export class PullSubscription implements Subscription {
  private closed = false;
  private wake: (() => void) | undefined;
  private readonly iterator: AsyncGenerator<SubscriptionMessage>;

  constructor(
    private readonly source: SubscriptionSource,
    private last: LogPosition,
    private readonly filter: AllFilter | undefined,
    private readonly onClose: (subscription: PullSubscription) => void,
  ) {
    this.iterator = this.messages();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wake?.();
    this.onClose(this);
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage> {
    let caughtUp = false;
    try {
      while (!this.closed) {
        // The head before the page, never after it: the writer thread may
        // commit between the two queries, and a head read after an empty
        // page would then skip the events that commit wrote.
        const head = caughtUp ? 0 : this.source.head();
        const page = this.source.readAfter(this.last, PAGE_SIZE, this.filter, caughtUp);
        if (page.length > 0) {
          for (const event of page) {
            if (this.closed) return;
            this.last = event.position;
            yield { kind: 'event', event };
          }
          continue;
        }
        if (!caughtUp) {
          caughtUp = true;
          // Events the filter skipped need not be scanned again.
          this.last = Math.max(this.last, head);
          yield { kind: 'caught-up', position: this.last };
          continue;
        }
        await this.waitForCommit();
      }
    } finally {
      await this.close();
    }
  }

  /**
   * Settles after a commit that may hold events for this filter. Commits
   * holding none are slept through without a read: a directory projection
   * need not query the log after every batch of case events.
   */
  private waitForCommit(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      // The first wait is registered in the same synchronous turn as the
      // empty read; each next one as soon as the commit before it settles,
      // before another can begin (a commit waits for the one before it and
      // for a new turn of the event loop), so none slips through unseen.
      const next = (): void => {
        if (this.closed) return resolve();
        void this.source.nextCommit().then((written) => (mayMatch(this.filter, written) ? resolve() : next()));
      };
      next();
    });
  }
}
