import type { FastifyBaseLogger } from 'fastify';
import { IllegalTransitionError } from '../../contracts/errors.js';
import { dueTimers, nextDueAt, type DueTimer, type TimerSignal } from '../../projections/deadlines/index.js';
import type { ReadModels } from '../../projections/read-models.js';
import type { ProjectionRunner } from '../../projections/runner.js';
import type { CaseService } from '../cases/case-service.js';
import { LONGEST_WAIT_MS, systemClock, type Clock } from './clock.js';

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
export class Scheduler {
  readonly #options: SchedulerOptions;
  readonly #clock: Clock;
  readonly #runner: ProjectionRunner;
  /** Firings that failed, or decided nothing yet stayed queued: not tried again before the time given. */
  readonly #held = new Map<string, number>();
  #wake: { at: number; handle: unknown } | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  #unsubscribe: (() => void) | undefined;
  readonly status: SchedulerStatus = { fired: 0, moot: 0, failed: 0, queueReads: 0, nextWakeAt: null };

  constructor(options: SchedulerOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    const runner = options.readModels.runner('deadlines');
    if (!runner) throw new Error('the scheduler needs the deadlines read model started');
    this.#runner = runner;
  }

  /**
   * Starts once the deadlines model has caught up with the log; what came
   * due while Huiyin was down fires first, in due order (`idle` settles
   * when that round is done).
   */
  async start(): Promise<void> {
    if (!(await this.#runner.caughtUp) || this.#stopped) return;
    this.#unsubscribe = this.#runner.onAdvance(() => {
      const earliest = this.#options.signal.take();
      if (earliest !== null && (this.#wake === undefined || Date.parse(earliest) < this.#wake.at)) this.poke();
    });
    this.poke();
  }

  /** Looks at the queue now (the clock moved, or a firing was set earlier than the next wake). */
  poke(): void {
    if (this.#stopped) return;
    this.#again = true;
    this.#running ??= this.#loop();
  }

  /** Settles when the current round of firings is done. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    if (this.#wake) this.#clock.cancel(this.#wake.handle);
    this.#wake = undefined;
    await this.#running;
  }

  // Between the last look at `#again` and clearing `#running` nothing is
  // awaited, so a poke is never lost: it either starts a loop or is seen by this one.
  async #loop(): Promise<void> {
    // First let `poke` store this run: a loop with nothing to await would end before it is stored.
    await Promise.resolve();
    try {
      while (this.#again && !this.#stopped) {
        this.#again = false;
        while (!this.#stopped && (await this.#fireDue()) > 0);
      }
      if (!this.#stopped) this.#sleep();
    } catch (error) {
      this.#options.log?.warn({ err: error }, 'the scheduler could not read its queue; it looks again shortly');
      if (!this.#stopped) this.#sleepFor(this.#options.retryAfterMs ?? 30_000);
    } finally {
      this.#running = undefined;
    }
  }

  /** Fires one batch of what is due; returns how many it sent. */
  async #fireDue(): Promise<number> {
    const now = this.#clock.now();
    const batchSize = this.#options.batchSize ?? 500;
    for (const [key, until] of this.#held) if (until <= now) this.#held.delete(key);
    const db = this.#options.readModels.db;
    this.status.queueReads++;
    const due = dueTimers(db, new Date(now).toISOString(), batchSize + this.#held.size).filter((t) => !this.#held.has(keyOf(t)));
    const batch = due.slice(0, batchSize);
    if (batch.length === 0) return 0;
    const nowIso = new Date(now).toISOString();
    const outcomes = await Promise.allSettled(batch.map((timer) => this.#options.cases.fireTimer(timer.caseId, timer, nowIso)));
    outcomes.forEach((outcome, i) => {
      const timer = batch[i]!;
      // The case moved on to a status that ends its deadlines since the queue was read: nothing to fire.
      if (outcome.status === 'rejected' && outcome.reason instanceof IllegalTransitionError) this.status.moot++;
      else if (outcome.status === 'rejected') {
        this.status.failed++;
        this.#held.set(keyOf(timer), now + (this.#options.retryAfterMs ?? 30_000));
        this.#options.log?.warn({ err: outcome.reason, caseId: timer.caseId, timer }, 'a timer could not fire; it is tried again later');
      } else if (outcome.value.events.length > 0) this.status.fired++;
      else this.status.moot++;
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

  /** The next firing not held back (a held one wakes the scheduler when its hold ends). */
  #nextDue(): number {
    const db = this.#options.readModels.db;
    this.status.queueReads++;
    if (this.#held.size === 0) {
      const next = nextDueAt(db);
      return next === null ? Infinity : Date.parse(next);
    }
    const next = dueTimers(db, '9999', this.#held.size + 1).find((t) => !this.#held.has(keyOf(t)));
    return next === undefined ? Infinity : Date.parse(next.at);
  }

  #sleep(): void {
    const at = Math.min(Math.max(this.#nextDue(), this.#clock.now()), ...this.#held.values());
    if (at === Infinity) {
      if (this.#wake) this.#clock.cancel(this.#wake.handle);
      this.#wake = undefined;
      this.status.nextWakeAt = null;
      return;
    }
    this.#sleepFor(at - this.#clock.now());
  }

  #sleepFor(ms: number): void {
    if (this.#wake) this.#clock.cancel(this.#wake.handle);
    const wait = Math.max(0, Math.min(ms, LONGEST_WAIT_MS));
    const at = this.#clock.now() + wait;
    this.#wake = { at, handle: this.#clock.wakeAfter(wait, () => this.poke()) };
    this.status.nextWakeAt = new Date(at).toISOString();
  }
}
