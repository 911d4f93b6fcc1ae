import type { BatchSink } from './batch-sink.js';
import { lostLogError, type LogFileWatch } from './log-file-watch.js';

// Result codes that say the file is damaged or gone, not that a query was wrong.
const DAMAGE = /^SQLITE_(NOTADB|CORRUPT|IOERR|CANTOPEN)/;

/**
 * Whether the store may still take appends. Once its file is lost —
 * removed, replaced or overwritten (the sink looks before every commit, the
 * readiness probe here), or failing reads as damaged — every append and the
 * readiness probe fail with STORE.UNAVAILABLE until a restart opens (and
 * checks) whatever is at the path then. Committed events stay readable
 * where they still are. A swap between the look and the commit it precedes
 * still lands that one batch in the old file.
 */
export class LogHealth {
  #failure: Error | undefined;

  /** `watch`: the log's file, or undefined for a log in memory (nothing to watch). */
  constructor(
    private readonly watch: LogFileWatch | undefined,
    private readonly sink: BatchSink,
  ) {}

  /** A failure already known, without looking at the file. */
  known(): Error | undefined {
    return this.#failure ?? this.sink.failure();
  }

  /** Why no append can be taken now, if so; looks at the file at the path first. */
  check(): Error | undefined {
    const known = this.known();
    if (known || !this.watch) return known;
    const problem = this.watch.problem();
    if (problem !== undefined) this.#failure = lostLogError(this.watch.path, problem);
    return this.#failure;
  }

  /** A read failed: if the file is damaged, appends stop too. Returns the error to throw. */
  readFailed(error: unknown): unknown {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !DAMAGE.test(code) || !this.watch) return error;
    this.#failure ??= lostLogError(this.watch.path, `cannot be read (${code}: ${(error as Error).message})`);
    return this.#failure;
  }

  close(): void {
    this.watch?.close();
  }
}
