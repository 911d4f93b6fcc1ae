import type Database from 'better-sqlite3';
import { HuiyinError } from '../contracts/errors.js';
import type { EventStore, LogPosition } from '../contracts/event-store.js';
import { openReadModelFile, recreateReadModelFile } from './db.js';
import { recordReplacedLogs, replacedLogs, stalenessOf, type ReplacedLog } from './provenance.js';
import { startProjection, type Projection, type ProjectionRunner, type RunnerOptions } from './runner.js';

/** How long a read waits for the read models to show the latest write before answering anyway. */
export const READ_YOUR_WRITES_MS = 2_000;

/** What opening the read models found, for the service to say and to act on. */
export interface ReadModelsOrigin {
  /** The identity of the log they are (re)built from. */
  logId: string;
  /** Why the database was dropped at open, to be rebuilt from the log; undefined when kept. */
  dropped?: string;
  /**
   * Logs with events the current log lacks, that read models here were once
   * built from: a log was lost. Kept across drops, so it stays known after
   * the rebuild (the demo is never seeded over it).
   */
  replacedLogs: ReplacedLog[];
}

/**
 * The read-model database: one SQLite handle that every projection writes
 * its tables into, and the read-your-writes bookkeeping that goes with it.
 * Reads wait for the log as it stood at start, then for every write this
 * instance made, so a user sees their own change at once.
 */
export class ReadModels {
  readonly db: Database.Database;
  readonly #runners: ProjectionRunner[] = [];
  readonly #byName = new Map<string, ProjectionRunner>();
  #lastWrite: LogPosition;
  #closing: Promise<void> | undefined;

  private constructor(
    readonly store: EventStore,
    db: Database.Database,
    headAtStart: LogPosition,
    readonly options: RunnerOptions,
    readonly origin: ReadModelsOrigin,
  ) {
    this.db = db;
    this.#lastWrite = headAtStart;
  }

  /**
   * Opens (or creates) the database at `path`; ':memory:' rebuilds every
   * model from the log at start. A database that fails its check, or whose
   * checkpoints belong to another log or lie beyond this log's head, is
   * dropped and made anew, so every model rebuilds from the log as it is.
   */
  static async open(store: EventStore, path: string, options: RunnerOptions = {}): Promise<ReadModels> {
    const [logId, head] = await Promise.all([store.logId(), store.headPosition()]);
    const opened = openReadModelFile(path);
    let db = opened.db;
    let dropped = opened.damage === undefined ? undefined : `the read-model database failed PRAGMA quick_check (${opened.damage})`;
    const stale = stalenessOf(db, logId, head);
    if (stale) {
      const earlier = replacedLogs(db);
      db = recreateReadModelFile(db, path);
      recordReplacedLogs(db, [...earlier, ...(stale.lost ? [{ ...stale.lost, noticedAt: new Date().toISOString() }] : [])]);
      dropped = `the read models were dropped: ${stale.reason}`;
    }
    const origin = { logId, ...(dropped === undefined ? {} : { dropped }), replacedLogs: replacedLogs(db) };
    return new ReadModels(store, db, head, { ...options, logId }, origin);
  }

  /** Starts a projection on the shared handle; it stops when the read models close. */
  start(projection: Projection): ProjectionRunner {
    const runner = startProjection(this.db, this.store, projection, this.options);
    this.#runners.push(runner);
    this.#byName.set(projection.name, runner);
    return runner;
  }

  /** A write landed at `position`: later reads wait until their model shows it. */
  noteWrite(position: LogPosition): void {
    if (position > this.#lastWrite) this.#lastWrite = position;
  }

  get lastWrite(): LogPosition {
    return this.#lastWrite;
  }

  /** The handle, once `runner` has caught up with the last write (or the wait ran out). */
  async fresh(runner: ProjectionRunner, timeoutMs = READ_YOUR_WRITES_MS): Promise<Database.Database> {
    await runner.waitFor(this.#lastWrite, timeoutMs);
    return this.db;
  }

  /** The runner serving the read model called `name`; undefined when none is started. */
  runner(name: string): ProjectionRunner | undefined {
    return this.#byName.get(name);
  }

  /**
   * The handle, for a read of the model `name` that must show the log up to
   * `minPosition` (a position a command answered) and this instance's own
   * last write. Waits at most `timeoutMs`; a model still behind then is
   * `READ_MODEL.BEHIND` (503, try again), and a stopped one `READ_MODEL.FAILED`.
   */
  async read(name: string, minPosition: LogPosition = 0, timeoutMs = READ_YOUR_WRITES_MS): Promise<Database.Database> {
    const runner = this.#byName.get(name);
    if (!runner) throw new Error(`no read model called ${name} is started`);
    const target = Math.max(minPosition, this.#lastWrite);
    let reached: boolean;
    try {
      reached = await runner.waitFor(target, timeoutMs);
    } catch (error) {
      throw new HuiyinError('READ_MODEL.FAILED', `the ${name} read model stopped and must be rebuilt`, { projection: runner.key, cause: String(error) });
    }
    if (!reached) {
      throw new HuiyinError('READ_MODEL.BEHIND', `the ${name} read model has not reached position ${target} yet`, {
        projection: runner.key,
        position: runner.position(),
        minPosition: target,
      });
    }
    return this.db;
  }

  /** Stops every projection (each applies what it already received), then closes the handle. */
  close(): Promise<void> {
    this.#closing ??= Promise.all(this.#runners.map((r) => r.close())).then(() => {
      this.db.close();
    });
    return this.#closing;
  }
}
