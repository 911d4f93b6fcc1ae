import type Database from 'better-sqlite3';
import { HuiyinError } from '../contracts/errors.js';
import type { EventStore, LogPosition } from '../contracts/event-store.js';
import { openForLog, type ReadModelsOrigin } from './provenance.js';
import { closeAfterWaiting, currentBootId } from './unsynced-writes.js';
import type { ReadModelsOptions, ServedRead } from './projection.js';
import { startProjection, type Projection, type ProjectionRunner } from './runner.js';
import { statusOf, type ProjectionStatus, type Readiness } from './status.js';
import { dropProjection, isBuilt } from './tables.js';

export type { ReadModelsOptions, ServedRead } from './projection.js';
export type { ReadModelsOrigin } from './provenance.js';
export type { ProjectionStatus, Readiness } from './status.js';

/** How long a read waits for the read models to show the latest write before answering anyway. */
export const READ_YOUR_WRITES_MS = 2_000;

/** A read model by name: the version serving reads, and a newer one building beside it. */
interface Slot {
  serving: ProjectionRunner;
  building?: ProjectionRunner;
  takeover: Promise<void>;
}

/**
 * The read-model database: one SQLite handle that every projection writes
 * its tables into, and the read-your-writes bookkeeping that goes with it.
 * Reads wait for the log as it stood at start, then for every write this
 * instance made, so a user sees their own change at once.
 */
export class ReadModels {
  readonly db: Database.Database;
  #runners: ProjectionRunner[] = [];
  readonly #slots = new Map<string, Slot>();
  #lastWrite: LogPosition;
  #ready = false;
  #closing: Promise<void> | undefined;

  private constructor(
    readonly store: EventStore,
    db: Database.Database,
    headAtStart: LogPosition,
    readonly options: ReadModelsOptions,
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
   * The file is held exclusively while open: one process builds it.
   */
  static async open(store: EventStore, path: string, options: ReadModelsOptions = {}): Promise<ReadModels> {
    const [logId, head] = await Promise.all([store.logId(), store.headPosition()]);
    const bootId = 'bootId' in options ? options.bootId : currentBootId();
    const { db, origin } = openForLog(path, logId, head, bootId);
    return new ReadModels(store, db, head, { ...options, logId }, origin);
  }

  /**
   * Starts a projection on the shared handle; it stops when the read models
   * close. When it replaces a version (`previous`) that is built here, that
   * version goes on serving reads of the name while this one builds beside
   * it from position 0; the moment this one has caught up it takes over,
   * and the old one stops and its tables and checkpoint are dropped.
   * Returns the runner of `projection` itself.
   */
  start(projection: Projection): ProjectionRunner {
    const previous = projection.previous;
    const replacing = previous !== undefined && isBuilt(this.db, previous);
    const runner = this.#run(projection);
    if (!replacing) {
      this.#slots.set(projection.name, { serving: runner, takeover: Promise.resolve() });
      return runner;
    }
    const slot: Slot = { serving: this.#run(previous), building: runner, takeover: Promise.resolve() };
    slot.takeover = runner.caughtUp.then((live) => (live ? this.#takeOver(slot) : undefined));
    this.#slots.set(projection.name, slot);
    return runner;
  }

  #run(projection: Projection): ProjectionRunner {
    const runner = startProjection(this.db, this.store, projection, this.options);
    this.#runners.push(runner);
    return runner;
  }

  async #takeOver(slot: Slot): Promise<void> {
    const old = slot.serving;
    slot.serving = slot.building!;
    slot.building = undefined;
    this.options.onTakeover?.(old.key, slot.serving.key);
    await old.close();
    const grace = this.options.takeoverGraceMs ?? 5_000;
    if (grace > 0) await new Promise((resolve) => setTimeout(resolve, grace).unref());
    if (this.#closing) return;
    dropProjection(this.db, old.projection);
    this.#runners = this.#runners.filter((runner) => runner !== old);
  }

  /** Settles once a takeover started for `name` is done (the old tables dropped), at once if none is. */
  async settled(name: string): Promise<void> {
    await this.#slots.get(name)?.takeover;
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

  /** The runner serving reads of the model called `name`; undefined when none is started. */
  runner(name: string): ProjectionRunner | undefined {
    return this.#slots.get(name)?.serving;
  }

  /**
   * The handle, for a read of the model `name` that must show the log up to
   * `minPosition` (a position a command answered) and this instance's own
   * last write. Waits at most `timeoutMs`; a model still behind then is
   * `READ_MODEL.BEHIND` (503, try again), and a stopped one `READ_MODEL.FAILED`.
   * Query functions written for one version of the tables use `readServed`.
   */
  async read(name: string, minPosition: LogPosition = 0, timeoutMs = READ_YOUR_WRITES_MS): Promise<Database.Database> {
    return (await this.readServed(name, minPosition, timeoutMs)).db;
  }

  /** As `read`, also saying which version's tables hold the answer (during a takeover, the old one's). */
  async readServed(name: string, minPosition: LogPosition = 0, timeoutMs = READ_YOUR_WRITES_MS): Promise<ServedRead> {
    const slot = this.#slots.get(name);
    if (!slot) throw new Error(`no read model called ${name} is started`);
    const target = Math.max(minPosition, this.#lastWrite);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const runner = slot.serving;
      let reached: boolean;
      try {
        reached = await runner.waitFor(target, Math.max(0, deadline - Date.now()));
      } catch (error) {
        throw new HuiyinError('READ_MODEL.FAILED', `the ${name} read model stopped and must be rebuilt`, { projection: runner.key, cause: String(error) });
      }
      if (reached) return { db: this.db, version: runner.projection.version, key: runner.key };
      // Replaced while we waited (the old version stops): ask the one serving now.
      if (slot.serving === runner || Date.now() >= deadline) {
        throw new HuiyinError('READ_MODEL.BEHIND', `the ${name} read model has not reached position ${target} yet`, {
          projection: runner.key,
          position: runner.position(),
          minPosition: target,
        });
      }
    }
  }

  /** Every projection started here, the versions building beside a served one included. */
  async statuses(): Promise<ProjectionStatus[]> {
    const listed = [...this.#slots.values()].flatMap((slot) => [
      { runner: slot.serving, serving: true },
      ...(slot.building ? [{ runner: slot.building, serving: false }] : []),
    ]);
    return Promise.all(listed.map(({ runner, serving }) => statusOf(this.store, runner, serving)));
  }

  /**
   * Ready once every model that serves reads has caught up with the log as
   * it stood at its start (a failed one counts as done: see routes/health.ts).
   * Once ready, it stays so: a runner never goes back to catching up, and a
   * model behind for a moment in normal running is what read-your-writes
   * waits (then answers 503) for, per request.
   */
  readiness(): Readiness {
    const serving = [...this.#slots.values()].map((slot) => slot.serving);
    const catchingUp = serving.filter((runner) => runner.state() === 'catching-up').map((runner) => runner.key);
    this.#ready ||= catchingUp.length === 0;
    const failed = this.#runners.flatMap((runner) => {
      const failure = runner.failure();
      return failure ? [{ projection: runner.key, ...failure }] : [];
    });
    return { ready: this.#ready, catchingUp: this.#ready ? [] : catchingUp, failed };
  }

  /** Stops every projection (each applies what it already received), then closes the handle. */
  close(): Promise<void> {
    this.#closing ??= Promise.all(this.#runners.map((r) => r.close())).then(() => {
      closeAfterWaiting(this.db);
    });
    return this.#closing;
  }
}
