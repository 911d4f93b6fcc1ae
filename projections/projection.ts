import type Database from 'better-sqlite3';
import type { AllFilter, LogPosition, RecordedEvent } from '../contracts/event-store.js';
import type { ProjectionFailure } from './failure.js';

/**
 * A read model: the events it reads, its tables and how an event changes
 * them. Table names carry the version (`directory_v1_stations`), so a new
 * version builds its tables beside the old ones from the start of the log.
 */
export interface Projection {
  name: string;
  version: number;
  filter: AllFilter;
  /** CREATE … IF NOT EXISTS statements, run before the first batch. */
  ddl: readonly string[];
  /**
   * CREATE INDEX … IF NOT EXISTS for indexes only queries use (never its
   * own evolve). A model built from the start of the log makes them once it
   * has caught up, sorting each once, instead of keeping every one of them
   * in order row by row through the rebuild; until then it answers no read.
   */
  queryIndexes?: readonly string[];
  /** Applies one event with synchronous SQL; must tolerate event types it does not know. */
  evolve(db: Database.Database, event: RecordedEvent): void;
  /**
   * Optional, with `flush`: the runner calls it as a batch's transaction
   * opens, so evolve may gather its writes (a count moved by many events is
   * written once). Must drop anything gathered before: a batch that failed
   * left it behind, and its transaction was rolled back.
   */
  beginBatch?(db: Database.Database): void;
  /** Writes what evolve gathered since `beginBatch`, in the batch's transaction, before its checkpoint. */
  flush?(db: Database.Database): void;
  /**
   * The tables (and views) it owns, dropped when it is replaced or rebuilt;
   * when left out, those its `ddl` creates.
   */
  tables?: readonly string[];
  /**
   * The version this one replaces, while its definition is still shipped:
   * reads are served by it until this one has caught up (see ReadModels.start).
   */
  previous?: Projection;
}

/**
 * `catching-up` from the start until the runner first reaches the log's
 * head as it stood then; `live` after; `failed` when an event could not be
 * applied (it stays where it was); `stopped` once closed.
 */
export type ProjectionState = 'catching-up' | 'live' | 'failed' | 'stopped';

export interface ProjectionRunner {
  /** `name@version`: the checkpoint's key. */
  readonly key: string;
  readonly projection: Projection;
  /** The log position whose effects the read model is known to include. */
  position(): LogPosition;
  state(): ProjectionState;
  /** What stopped it, when it failed. */
  failure(): ProjectionFailure | undefined;
  /** Resolves true the first time the runner is live; false if it stops before. */
  readonly caughtUp: Promise<boolean>;
  /**
   * Resolves true once the read model includes everything up to `position`
   * (read-your-writes), false at the deadline or when the runner stops;
   * rejects if the projection failed.
   */
  waitFor(position: LogPosition, timeoutMs?: number): Promise<boolean>;
  /** Calls `listener` with the new position after every committed batch; returns the unsubscribe. */
  onAdvance(listener: (position: LogPosition) => void): () => void;
  /** Applies what was already received, then stops. */
  close(): Promise<void>;
  /** Settles when the runner stops: with the error that stopped it, if any. */
  readonly stopped: Promise<unknown>;
}

export interface RunnerOptions {
  /** Most events applied in one transaction once live (default 500). */
  batchSize?: number;
  /**
   * Most events applied in one transaction while catching up (default
   * `batchSize` when that is given, else 2,000): fewer, larger commits rebuild faster, and the event loop is
   * still given back after every one.
   */
  catchUpBatchSize?: number;
  onError?: (error: unknown) => void;
  /** The log's identity, for the checkpoints (asked of the store when not given). */
  logId?: string;
}

export const keyOf = (projection: Pick<Projection, 'name' | 'version'>) => `${projection.name}@${projection.version}`;

export interface ReadModelsOptions extends RunnerOptions {
  /**
   * How long a replaced version's tables outlive its takeover, for reads
   * that were handed it just before (default 5 s).
   */
  takeoverGraceMs?: number;
  /** Told when a new version takes over from the one it replaces. */
  onTakeover?: (from: string, to: string) => void;
  /** This boot's id (the kernel's, when not given; undefined: none): see unsynced-writes.ts. */
  bootId?: string | undefined;
}

/** A read served: the handle and the version of the model whose tables to query. */
export interface ServedRead {
  db: Database.Database;
  version: number;
  key: string;
}
