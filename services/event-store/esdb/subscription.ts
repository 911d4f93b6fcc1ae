import type { AllFilter, LogPosition, Subscription, SubscriptionMessage } from '../../../contracts/event-store.js';
import type { Connection, Feed } from './client.js';
import { isTransient, toStoreError } from './errors.js';
import { matches, serverFilterOf } from './filters.js';
import { locate, toLogPosition } from './positions.js';
import { toRecorded } from './recorded.js';

export interface SubscriptionSource {
  connection: Connection;
  head(): Promise<LogPosition>;
}

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * A catch-up subscription to `$all` that outlives the connection. It
 * remembers the last position it saw and, when the server goes away, keeps
 * resubscribing from there (exclusive) with growing pauses, so the consumer
 * sees no gap and no event twice. Other failures end the iteration.
 *
 * Its caught-up position is the head of the log as read before subscribing:
 * the server signals `caughtUp` only once history has reached its live point,
 * which is past that head, so everything up to it has been delivered — and
 * it is an event's own position, safe to resume from later.
 */
export class EsdbSubscription implements Subscription {
  private closed = false;
  private feed: Feed | undefined;
  private wake: (() => void) | undefined;
  private readonly iterator: AsyncGenerator<SubscriptionMessage>;

  constructor(
    private readonly source: SubscriptionSource,
    private last: LogPosition,
    private readonly filter: AllFilter | undefined,
    private readonly onClose: (subscription: EsdbSubscription) => void,
  ) {
    locate(last);
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
    await this.feed?.close();
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage> {
    let caughtUp = false;
    let pause = FIRST_RETRY_MS;
    try {
      while (!this.closed) {
        try {
          const head = caughtUp ? 0 : await this.source.head();
          if (this.closed) return;
          const located = locate(this.last);
          this.feed = this.source.connection.subscribeToAll({
            from: located === 'start' ? 'start' : located.at,
            filter: serverFilterOf(this.filter),
          });
          for await (const message of this.feed) {
            if (this.closed) return;
            if (message.kind === 'caught-up') {
              if (caughtUp) continue;
              caughtUp = true;
              this.last = Math.max(this.last, head);
              yield { kind: 'caught-up', position: this.last };
              continue;
            }
            const position = toLogPosition(message.event.commit);
            // After a resubscription the server starts after `last`; this
            // guards against an event at or before it all the same.
            if (position <= this.last) continue;
            this.last = position;
            pause = FIRST_RETRY_MS;
            if (matches(this.filter, message.event)) yield { kind: 'event', event: toRecorded(message.event) };
          }
          // A feed that ends without being closed was cut by the server.
        } catch (error) {
          const failure = toStoreError(error);
          if (this.closed) return;
          if (!isTransient(failure)) throw failure;
        } finally {
          await this.feed?.close();
          this.feed = undefined;
        }
        if (this.closed) return;
        await this.sleep(pause);
        pause = Math.min(pause * 2, MAX_RETRY_MS);
      }
    } finally {
      await this.close();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
