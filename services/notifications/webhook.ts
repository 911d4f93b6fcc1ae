import { createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FastifyBaseLogger } from 'fastify';
import { newestNotificationId, notificationOf, notificationsAfter, notificationsOfEvent, type NotificationRow } from '../../projections/notifications/index.js';
import type { ProjectionRunner } from '../../projections/runner.js';
import { systemClock, type Clock } from '../scheduler/clock.js';
import { WakeLoop } from '../scheduler/wake-loop.js';
import { WebhookStore, type Delivery } from './webhook-store.js';

export interface WebhookOptions {
  url: string;
  /** Signs every body (HMAC-SHA256), so the receiver knows it came from Huiyin. */
  secret: string;
  clock?: Clock;
  /** Attempts before a delivery becomes a dead letter (default 8: about four minutes of backoff). */
  maxAttempts?: number;
  /** The first retry's wait; each next one doubles it, up to an hour (default 1 s). */
  firstRetryMs?: number;
  timeoutMs?: number;
  log?: Pick<FastifyBaseLogger, 'warn'>;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the time is signed too, so an old body cannot be replayed as new. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What the gateway gets: the notification as its recipient reads it, addressed, with an id unique across people. */
function deliveryOf(row: NotificationRow): { id: string; body: string } {
  const { id: _perPerson, read: _read, ...notification } = notificationOf(row);
  const id = `${row.recipient}:${row.id}`;
  return { id, body: JSON.stringify({ id, recipient: row.recipient, ...notification }) };
}

const PAGE = 500;

/**
 * Delivers every notification to a city's own gateway (SMS, messaging) as
 * a signed JSON POST: the outbox follows the notifications read model,
 * retries with doubling backoff, and after `maxAttempts` keeps the
 * delivery as a dead letter an administrator can see and send again. It
 * runs beside the workflow and never holds it up: a gateway that is down
 * only grows the queue.
 */
export class WebhookOutbox extends WakeLoop {
  readonly store: WebhookStore;
  protected readonly retryAfterMs = 30_000;

  constructor(
    private readonly runner: ProjectionRunner,
    db: Database.Database,
    private readonly options: WebhookOptions,
  ) {
    super(options.clock ?? systemClock);
    this.store = new WebhookStore(db);
  }

  /** Starts from the notifications made from now on (a first start does not send the whole history). */
  async start(): Promise<void> {
    if (!(await this.runner.caughtUp)) return;
    if (this.store.cursor() === undefined) this.store.startAt(newestNotificationId(this.store.db));
    await this.follow(this.runner, () => this.poke());
  }

  protected async work(): Promise<void> {
    this.#collect();
    let due: Delivery[];
    while (!this.stopped && (due = this.store.due(this.clock.now(), 20)).length > 0) await Promise.all(due.map((d) => this.#send(d)));
  }

  protected nextAt(): number | undefined {
    return this.store.nextAt();
  }

  protected onError(error: unknown): void {
    this.options.log?.warn({ err: error }, 'the webhook outbox could not read its queue; it looks again shortly');
  }

  /** Queues the notifications made since the cursor. */
  #collect(): void {
    for (;;) {
      const fetched = notificationsAfter(this.store.db, this.store.cursor() ?? 0, PAGE);
      if (fetched.length === 0) return;
      // The cursor moves by whole events: an event's recipients cut off by the page come next time,
      // and an event told to more people than a page holds is taken whole.
      const lastId = fetched.at(-1)!.id;
      const whole = fetched.length < PAGE ? fetched : fetched.filter((row) => row.id !== lastId);
      const rows = whole.length > 0 ? whole : notificationsOfEvent(this.store.db, lastId);
      this.store.enqueue(rows.map(deliveryOf), rows.at(-1)!.id, this.clock.now());
    }
  }

  async #send(d: Delivery): Promise<void> {
    const timestamp = Math.floor(this.clock.now() / 1000);
    let error: string;
    try {
      const res = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-huiyin-delivery': d.id, 'x-huiyin-signature': webhookSignature(this.options.secret, timestamp, d.body) },
        body: d.body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return this.store.delivered(d.id);
      error = `HTTP ${res.status}`;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    const dead = d.attempts + 1 >= (this.options.maxAttempts ?? 8);
    const wait = Math.min((this.options.firstRetryMs ?? 1000) * 2 ** d.attempts, 3_600_000);
    this.store.failed(d, error, this.clock.now() + wait, dead);
    if (dead) this.options.log?.warn({ delivery: d.id, error }, 'a webhook delivery was given up on: it is a dead letter now');
  }
}
