import type Database from 'better-sqlite3';
import type { AllFilter, EventStore, LogPosition, RecordedEvent, SubscriptionMessage } from '../contracts/event-store.js';
import { CheckpointStore } from './checkpoint.js';
import { PositionWaiters } from './waiters.js';

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
  /** Applies one event with synchronous SQL; must tolerate event types it does not know. */
  evolve(db: Database.Database, event: RecordedEvent): void;
}

export interface ProjectionRunner {
  /** `name@version`: the checkpoint's key. */
  readonly key: string;
  /** The log position whose effects the read model is known to include. */
  position(): LogPosition;
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
  /** Most events applied in one transaction. */
  batchSize?: number;
  onError?: (error: unknown) => void;
  /** The log's identity, for the checkpoints (asked of the store when not given). */
  logId?: string;
}

const IDLE = Symbol('idle');
/** Resolves after pending I/O callbacks: a subscription with events ready answers sooner. */
const idleTurn = () => new Promise<typeof IDLE>((resolve) => setImmediate(() => resolve(IDLE)));

export function startProjection(
  db: Database.Database,
  store: EventStore,
  projection: Projection,
  options: RunnerOptions = {},
): ProjectionRunner {
  const key = `${projection.name}@${projection.version}`;
  const batchSize = options.batchSize ?? 500;
  const checkpoints = new CheckpointStore(db);
  db.exec(projection.ddl.join(';\n'));
  const waiters = new PositionWaiters();
  const listeners = new Set<(position: LogPosition) => void>();
  const stored = checkpoints.read(key);
  let checkpoint = stored?.position ?? 0;
  let logId = options.logId;
  // Known to hold without applying anything: the log has nothing for this
  // projection between the checkpoint and here. Never stored.
  let skippedTo = 0;
  let failure: unknown;
  let running = true;
  const position = () => Math.max(checkpoint, skippedTo);

  // Rows and checkpoint commit together or not at all: after a crash the
  // batch is applied again from the old checkpoint, and only once.
  const commit = db.transaction((events: RecordedEvent[], to: number) => {
    for (const event of events) projection.evolve(db, event);
    checkpoints.write(key, to, logId!);
  });
  const apply = (events: RecordedEvent[], caughtUpAt = 0) => {
    const to = Math.max(checkpoint, caughtUpAt, events.at(-1)?.position ?? 0);
    if (to === checkpoint && events.length === 0) return;
    commit(events, to);
    checkpoint = to;
    waiters.release(position());
    for (const listener of listeners) listener(checkpoint);
  };

  const subscription = store.subscribeToAll({ fromPosition: checkpoint, filter: projection.filter });
  const run = async () => {
    logId ??= await store.logId();
    // Positions count in one log only. ReadModels.open drops read models of
    // another log before any projection starts; this is the backstop.
    if (stored && stored.logId !== logId) {
      throw new Error(`${key} was built from another event log (${stored.logId || 'unnamed'}, not ${logId}); reopen the read models to rebuild it`);
    }
    const iterator = subscription[Symbol.asyncIterator]();
    let next = iterator.next();
    const batch: RecordedEvent[] = [];
    const flush = (caughtUpAt?: number) => {
      apply(batch, caughtUpAt);
      batch.length = 0;
    };
    for (;;) {
      // While events keep coming they gather into one batch; the moment the
      // subscription would wait for new commits, what has come is applied.
      const result: IteratorResult<SubscriptionMessage> | typeof IDLE =
        batch.length === 0 ? await next : await Promise.race([next, idleTurn()]);
      if (result === IDLE) {
        flush();
        continue;
      }
      if (result.done) break;
      next = iterator.next();
      const message = result.value;
      if (message.kind === 'caught-up') flush(message.position);
      else {
        batch.push(message.event);
        if (batch.length >= batchSize) flush();
      }
    }
    flush();
  };

  const stopped = run().then(
    () => undefined,
    async (error: unknown) => {
      failure = error;
      options.onError?.(error);
      await subscription.close();
      return error;
    },
  );
  void stopped.then((error) => {
    running = false;
    waiters.stop(error);
  });

  /** Settles a wait at once when the log holds nothing for us up to `target`. */
  const probe = async (target: number) => {
    const from = position();
    try {
      if ((await store.headPosition()) < target) return;
      const [first] = await store.readAll({ fromPosition: from + 1, maxCount: 1, filter: projection.filter });
      if (first && first.position <= target) return;
      skippedTo = Math.max(skippedTo, target);
      waiters.release(position());
    } catch {
      // The subscription still gets there, or the wait times out.
    }
  };

  return {
    key,
    position,
    stopped,
    async waitFor(target, timeoutMs = 5_000) {
      if (failure !== undefined) throw failure;
      if (target <= position()) return true;
      if (!running) return false;
      const reached = waiters.add(target, timeoutMs);
      void probe(target);
      return reached;
    },
    onAdvance(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await subscription.close();
      await stopped;
    },
  };
}
