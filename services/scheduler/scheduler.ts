import type { FastifyBaseLogger } from 'fastify';
import { IllegalTransitionError } from '../../contracts/errors.js';
import { dueTimers, nextDueAt, type DueTimer, type TimerSignal } from '../../projections/deadlines/index.js';
import type { ReadModels } from '../../projections/read-models.js';
import type { ProjectionRunner } from '../../projections/runner.js';
import type { CaseService } from '../cases/case-service.js';
import { systemClock, type Clock } from './clock.js';
import { WakeLoop } from './wake-loop.js';

export interface SchedulerOptions {
  cases: Pick<CaseService, 'fireTimer' | 'store'>;
  readModels: ReadModels;
  /** Told by the deadlines read model of every firing it sets. */
  signal: TimerSignal;
  clock?: Clock;
  /** Firings taken from the queue at a time (default 500), sent together in due order. */
  batchSize?: number;
  /** How long a firing that failed waits before it is tried again (default 30 s). */
  retryAfterMs?: number;
  log?: Pick<FastifyBaseLogger, 'warn' | 'info'>;
}

export interface SchedulerStatus {
  fired: number;
  /** Firings sent that the case had already recorded or no longer waited for. */
  moot: number;
  failed: number;
  /** How many times it read the queue: while idle, once per wake at most. */
  queueReads: number;
  /** When the scheduler will next look, ISO; null when nothing is pending. */
  nextWakeAt: string | null;
}

const keyOf = (t: DueTimer) => `${t.caseId} ${t.deadline} ${t.action} ${t.dueBy}`;

/**
 * Fires what the deadlines read model says is due, through the case
 * engine as Huiyin, in due order, a batch at a time; then sleeps until the
 * next firing is due, or the read model sets an earlier one. It never
 * polls: with nothing due it asks the table once per wake. Firing twice is
 * harmless (command ids derive from the firing, and the case decides
 * nothing for a timer it no longer waits for), so instances need no lock
 * between them and a restart simply fires what came due while it was down.
 */
export class Scheduler extends WakeLoop {
  readonly #options: SchedulerOptions;
  readonly #runner: ProjectionRunner;
  /** Firings that failed, or decided nothing yet stayed queued: not tried again before the time given. */
  readonly #held = new Map<string, number>();
  readonly #counts = { fired: 0, moot: 0, failed: 0, queueReads: 0 };
  protected readonly retryAfterMs: number;

  constructor(options: SchedulerOptions) {
    super(options.clock ?? systemClock);
    this.#options = options;
    this.retryAfterMs = options.retryAfterMs ?? 30_000;
    const runner = options.readModels.runner('deadlines');
    if (!runner) throw new Error('the scheduler needs the deadlines read model started');
    this.#runner = runner;
  }

  get status(): SchedulerStatus {
    const at = this.wakeAt;
    return { ...this.#counts, nextWakeAt: at === undefined ? null : new Date(at).toISOString() };
  }

  /**
   * Starts once the deadlines model has caught up with the log; what came
   * due while Huiyin was down fires first, in due order (`idle` settles
   * when that round is done).
   */
  async start(): Promise<void> {
    await this.follow(this.#runner, () => {
      const earliest = this.#options.signal.take();
      const wakeAt = this.wakeAt;
      if (earliest !== null && (wakeAt === undefined || Date.parse(earliest) < wakeAt)) this.poke();
    });
  }

  protected async work(): Promise<void> {
    while (!this.stopped && (await this.#fireDue()) > 0);
  }

  protected onError(error: unknown): void {
    this.#options.log?.warn({ err: error }, 'the scheduler could not read its queue; it looks again shortly');
  }

  /** Fires one batch of what is due; returns how many it sent. */
  async #fireDue(): Promise<number> {
    const now = this.clock.now();
    const nowIso = new Date(now).toISOString();
    const batchSize = this.#options.batchSize ?? 500;
    const retryAfterMs = this.#options.retryAfterMs ?? 30_000;
    for (const [key, until] of this.#held) if (until <= now) this.#held.delete(key);
    const db = this.#options.readModels.db;
    this.#counts.queueReads++;
    const batch = dueTimers(db, nowIso, batchSize + this.#held.size).filter((t) => !this.#held.has(keyOf(t))).slice(0, batchSize);
    if (batch.length === 0) return 0;
    const outcomes = await Promise.allSettled(batch.map((timer) => this.#options.cases.fireTimer(timer.caseId, timer, nowIso)));
    outcomes.forEach((outcome, i) => {
      const timer = batch[i]!;
      // The case moved on to a status that ends its deadlines since the queue was read: nothing to fire.
      if (outcome.status === 'rejected' && outcome.reason instanceof IllegalTransitionError) this.#counts.moot++;
      else if (outcome.status === 'rejected') {
        this.#counts.failed++;
        this.#held.set(keyOf(timer), now + retryAfterMs);
        this.#options.log?.warn({ err: outcome.reason, caseId: timer.caseId, timer }, 'a timer could not fire; it is tried again later');
      } else if (outcome.value.events.length > 0) this.#counts.fired++;
      else this.#counts.moot++;
    });
    // Wait for the read model to show what was just written, so nothing is sent twice from a stale queue.
    await this.#runner.waitFor(await this.#options.cases.store.headPosition(), 10_000);
    // A firing the case decided nothing for, still queued once the model caught up, is not asked again this minute.
    const sent = new Set(batch.map(keyOf));
    for (const timer of dueTimers(db, nowIso, batchSize + this.#held.size)) {
      const key = keyOf(timer);
      if (sent.has(key) && !this.#held.has(key)) this.#held.set(key, now + 60_000);
    }
    return batch.length;
  }

  /** When to look again: the next firing not held back, or the end of the first hold. */
  protected nextAt(): number | undefined {
    const db = this.#options.readModels.db;
    this.#counts.queueReads++;
    let next: number;
    if (this.#held.size === 0) {
      const at = nextDueAt(db);
      next = at === null ? Infinity : Date.parse(at);
    } else {
      const timer = dueTimers(db, '9999', this.#held.size + 1).find((t) => !this.#held.has(keyOf(t)));
      next = timer === undefined ? Infinity : Date.parse(timer.at);
    }
    const at = Math.min(next, ...this.#held.values());
    return at === Infinity ? undefined : at;
  }
}
