import type { ProjectionRunner } from '../../projections/runner.js';
import { LONGEST_WAIT_MS, type Clock } from './clock.js';

/**
 * A background worker that follows a read model, for the scheduler and the
 * webhook outbox alike: a pass runs when poked (again at once if poked
 * meanwhile), then it sleeps on the clock until the next pass is due. It
 * never polls.
 */
export abstract class WakeLoop {
  #wake: { at: number; handle: unknown } | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  #unsubscribe: (() => void) | undefined;

  constructor(protected readonly clock: Clock) {}

  /** One pass over what is due now; checks `stopped` between steps. */
  protected abstract work(): Promise<void>;
  /** When the next pass is needed (ms on the clock); undefined: not until poked. */
  protected abstract nextAt(): number | undefined;
  /** A pass that threw: said here, then tried again after `retryAfterMs`. */
  protected abstract onError(error: unknown): void;
  protected abstract readonly retryAfterMs: number;

  get stopped(): boolean {
    return this.#stopped;
  }

  /** When it will wake by itself; undefined when only a poke wakes it. */
  protected get wakeAt(): number | undefined {
    return this.#wake?.at;
  }

  /**
   * Once `runner` has caught up with the log, calls `onAdvance` after each
   * of its batches and runs a first pass; false if stopped before.
   */
  protected async follow(runner: Pick<ProjectionRunner, 'caughtUp' | 'onAdvance'>, onAdvance: () => void): Promise<boolean> {
    if (!(await runner.caughtUp) || this.#stopped) return false;
    this.#unsubscribe = runner.onAdvance(onAdvance);
    this.poke();
    return true;
  }

  /** Runs a pass now (the clock moved, or something came due earlier than the next wake). */
  poke(): void {
    if (this.#stopped) return;
    this.#again = true;
    this.#running ??= this.#run();
  }

  /** Settles once no pass is running. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    this.#sleepUntil(undefined);
    await this.#running;
  }

  // Between the last look at `#again` and clearing `#running` nothing is
  // awaited, so a poke is never lost: it either starts a run or is seen by this one.
  async #run(): Promise<void> {
    // First let `poke` store this run: a pass with nothing to await would end before it is stored.
    await Promise.resolve();
    try {
      while (this.#again && !this.#stopped) {
        this.#again = false;
        await this.work();
      }
      if (!this.#stopped) this.#sleepUntil(this.nextAt());
    } catch (error) {
      this.onError(error);
      // Poked while the pass failed: try again at once rather than after the pause.
      if (!this.#stopped) this.#sleepUntil(this.clock.now() + (this.#again ? 0 : this.retryAfterMs));
    } finally {
      this.#running = undefined;
    }
  }

  #sleepUntil(at: number | undefined): void {
    if (this.#wake) this.clock.cancel(this.#wake.handle);
    this.#wake = undefined;
    if (at === undefined || this.#stopped) return;
    const wait = Math.max(0, Math.min(at - this.clock.now(), LONGEST_WAIT_MS));
    this.#wake = { at: this.clock.now() + wait, handle: this.clock.wakeAfter(wait, () => this.poke()) };
  }
}
