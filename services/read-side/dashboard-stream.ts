/** What one push carries: the log position the figures include, and the figures. */
export interface FiguresAt {
  position: number;
  figures: { asOf?: string; position?: number };
}

export interface DashboardPusherOptions {
  /** The figures of the connection's scope as they stand. */
  compute: () => FiguresAt;
  send: (push: FiguresAt) => Promise<void>;
  onError: (error: unknown) => void;
  /** Fewest milliseconds between two pushes. */
  intervalMs?: number;
}

/** The figures as compared between pushes: without the clock and position, which move on their own. */
const contentOf = (figures: FiguresAt['figures']) => JSON.stringify({ ...figures, asOf: undefined, position: undefined });

/**
 * One dashboard stream's pushes. The read model advances after every
 * batch, many times a second under load; a connection gets at most one
 * push per interval, and none when its own scope's figures did not change
 * (another district's cases move its model, not its figures).
 */
export class DashboardPusher {
  readonly #options: Required<DashboardPusherOptions>;
  #lastPushAt = Number.NEGATIVE_INFINITY;
  #lastContent: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #sending = false;
  #closed = false;

  constructor(options: DashboardPusherOptions) {
    this.#options = { intervalMs: 1_000, ...options };
  }

  /** Pushes the figures now, changed or not (a new or resumed connection). */
  pushNow(): Promise<void> {
    return this.#push(true);
  }

  /** The read model moved: push within the interval, if the figures changed. */
  advanced(): void {
    if (this.#closed || this.#timer) return;
    const wait = Math.max(0, this.#lastPushAt + this.#options.intervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#push(false);
    }, wait);
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #push(always: boolean): Promise<void> {
    if (this.#closed) return;
    // A slow client still writing the last push gets the next one after it.
    if (this.#sending) return this.advanced();
    this.#sending = true;
    try {
      const current = this.#options.compute();
      const content = contentOf(current.figures);
      if (!always && content === this.#lastContent) return;
      this.#lastContent = content;
      this.#lastPushAt = Date.now();
      await this.#options.send(current);
    } catch (error) {
      this.close();
      this.#options.onError(error);
    } finally {
      this.#sending = false;
    }
  }
}
