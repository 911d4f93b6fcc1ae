import type { Clock } from '../../services/scheduler/clock.js';

/** A clock a test moves by hand: waits fire when it is moved past them, never by sleeping. */
export class ManualClock implements Clock {
  #now: number;
  readonly #waits = new Map<number, { at: number; wake: () => void }>();
  #next = 0;

  constructor(start: string) {
    this.#now = Date.parse(start);
  }

  now(): number {
    return this.#now;
  }

  wakeAfter(ms: number, wake: () => void): unknown {
    const handle = this.#next++;
    this.#waits.set(handle, { at: this.#now + ms, wake });
    return handle;
  }

  cancel(handle: unknown): void {
    this.#waits.delete(handle as number);
  }

  /** The times someone waits for, earliest first. */
  get waits(): string[] {
    return [...this.#waits.values()].map((w) => new Date(w.at).toISOString()).sort();
  }

  /** Moves to `iso` and wakes whoever waited for a time up to it. */
  moveTo(iso: string): void {
    this.#now = Date.parse(iso);
    for (const [handle, wait] of [...this.#waits]) {
      if (wait.at <= this.#now) {
        this.#waits.delete(handle);
        wait.wake();
      }
    }
  }
}
