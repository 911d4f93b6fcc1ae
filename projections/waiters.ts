interface Waiter {
  position: number;
  resolve: (reached: boolean) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

/** Callers waiting for a projection to reach a log position, each with a deadline. */
export class PositionWaiters {
  #waiters: Waiter[] = [];

  /** Resolves true once released at or past `position`, false at the deadline. */
  add(position: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => this.#settle(waiter, false), timeoutMs),
      };
      this.#waiters.push(waiter);
    });
  }

  release(reached: number): void {
    for (const waiter of this.#waiters) if (waiter.position <= reached) this.#settle(waiter, true);
  }

  /** Every waiter gives up: false when stopping, the error when the projection failed. */
  stop(error?: unknown): void {
    for (const waiter of this.#waiters) this.#settle(waiter, false, error);
  }

  #settle(waiter: Waiter, reached: boolean, error?: unknown): void {
    clearTimeout(waiter.timer);
    this.#waiters = this.#waiters.filter((w) => w !== waiter);
    if (error === undefined) waiter.resolve(reached);
    else waiter.reject(error);
  }
}
