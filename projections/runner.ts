import type Database from 'better-sqlite3';
import type { EventStore, LogPosition, RecordedEvent, SubscriptionMessage } from '../contracts/event-store.js';
import { CheckpointStore } from './checkpoint.js';
import { EvolveFailed, failureOf } from './failure.js';
import { keyOf, type Projection, type ProjectionRunner, type ProjectionState, type RunnerOptions } from './projection.js';
import { PositionWaiters } from './waiters.js';

export { keyOf, type Projection, type ProjectionRunner, type ProjectionState, type RunnerOptions } from './projection.js';


const IDLE = Symbol('idle');
/** Resolves after pending I/O callbacks: a subscription with events ready answers sooner. */
const idleTurn = () => new Promise<typeof IDLE>((resolve) => setImmediate(() => resolve(IDLE)));
/** Lets timers, sockets and other requests run between two batches. */
const giveWay = () => new Promise<void>((resolve) => setImmediate(resolve));

export function startProjection(
  db: Database.Database,
  store: EventStore,
  projection: Projection,
  options: RunnerOptions = {},
): ProjectionRunner {
  const key = keyOf(projection);
  const liveBatchSize = options.batchSize ?? 500;
  const catchUpBatchSize = options.catchUpBatchSize ?? options.batchSize ?? 2_000;
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
  let state: ProjectionState = 'catching-up';
  let markCaughtUp: (reached: boolean) => void = () => {};
  const caughtUp = new Promise<boolean>((resolve) => (markCaughtUp = resolve));
  const position = () => Math.max(checkpoint, skippedTo);
  // Built from the start: its query indexes wait until it has caught up,
  // and so does every read and listener (they would find no index).
  let indexesDeferred = checkpoint === 0 && (projection.queryIndexes?.length ?? 0) > 0;
  if (!indexesDeferred && projection.queryIndexes) db.exec(projection.queryIndexes.join(';\n'));
  const release = () => {
    if (indexesDeferred) return;
    waiters.release(position());
    for (const listener of listeners) listener(checkpoint);
  };

  // Rows and checkpoint commit together or not at all: after a crash, or an
  // event evolve cannot apply, the batch is applied again from the old
  // checkpoint, and only once. The failing event is named for the operator.
  const commit = db.transaction((events: RecordedEvent[], to: number) => {
    projection.beginBatch?.(db);
    for (const event of events) {
      try {
        projection.evolve(db, event);
      } catch (error) {
        throw new EvolveFailed(key, event, error);
      }
    }
    projection.flush?.(db);
    checkpoints.write(key, to, logId!);
  });
  const apply = (events: RecordedEvent[], caughtUpAt = 0) => {
    const to = Math.max(checkpoint, caughtUpAt, events.at(-1)?.position ?? 0);
    if (to === checkpoint && events.length === 0) return;
    commit(events, to);
    checkpoint = to;
    release();
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
    // One pending idle turn at a time: a store that has events ready hands
    // them over in microtasks, so an idle turn per event would pile up
    // (a million of them over a long log) until the loop next got a turn.
    let idle: Promise<typeof IDLE> | undefined;
    for (;;) {
      // While events keep coming they gather into one batch; the moment the
      // subscription would wait for new commits, what has come is applied.
      const result: IteratorResult<SubscriptionMessage> | typeof IDLE =
        batch.length === 0 ? await next : await Promise.race([next, (idle ??= idleTurn())]);
      if (result === IDLE) {
        idle = undefined;
        flush();
        continue;
      }
      if (result.done) break;
      next = iterator.next();
      const message = result.value;
      if (message.kind === 'caught-up') {
        const indexing = indexesDeferred;
        if (indexing) {
          db.exec(projection.queryIndexes!.join(';\n'));
          indexesDeferred = false;
        }
        flush(message.position);
        if (indexing) release();
        if (state === 'catching-up') state = 'live';
        markCaughtUp(true);
      } else {
        batch.push(message.event);
        if (batch.length >= (state === 'catching-up' ? catchUpBatchSize : liveBatchSize)) {
          flush();
          // A store with the whole log ready would otherwise keep the loop
          // to itself until caught up: no request would be answered.
          await giveWay();
          // That turn was not idle: the subscription still has events ready.
          idle = undefined;
        }
      }
    }
    flush();
  };

  const stopped = run().then(
    () => undefined,
    async (error: unknown) => {
      failure = error;
      state = 'failed';
      options.onError?.(error);
      await subscription.close();
      return error;
    },
  );
  void stopped.then((error) => {
    if (state !== 'failed') state = 'stopped';
    markCaughtUp(false);
    waiters.stop(error);
  });

  /**
   * Settles a wait once the log holds nothing more for us up to `target`.
   * A filtered subscription never delivers the positions it skips, so when
   * an event of ours lies before the target, look again once it is applied:
   * the target itself may be another stream's event, never to be delivered.
   */
  const probe = async (target: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    try {
      while (position() < target && Date.now() < deadline) {
        if ((await store.headPosition()) < target) return;
        const [first] = await store.readAll({ fromPosition: position() + 1, maxCount: 1, filter: projection.filter });
        if (!first || first.position > target) {
          skippedTo = Math.max(skippedTo, target);
          if (!indexesDeferred) waiters.release(position());
          return;
        }
        if (!(await waiters.add(first.position, Math.max(0, deadline - Date.now())))) return;
      }
    } catch {
      // The subscription still gets there, or the wait times out.
    }
  };

  return {
    key,
    projection,
    position,
    state: () => state,
    failure: () => (failure === undefined ? undefined : failureOf(failure)),
    caughtUp,
    stopped,
    async waitFor(target, timeoutMs = 5_000) {
      if (failure !== undefined) throw failure;
      // While its query indexes wait, no read is answered (see `release`).
      if (target <= position() && !indexesDeferred) return true;
      if (state === 'stopped') return false;
      const reached = waiters.add(target, timeoutMs);
      void probe(target, timeoutMs);
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
