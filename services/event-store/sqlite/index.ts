import type Database from 'better-sqlite3';
import { HuiyinError } from '../../../contracts/errors.js';
import type {
  AllFilter,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  LogPosition,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../../../contracts/event-store.js';
import { inThreadSink, type BatchSink } from './batch-sink.js';
import { LogFileWatch } from './log-file-watch.js';
import { LogHealth } from './log-health.js';
import { openLogFile } from './open-log.js';
import { Reader } from './reader.js';
import { commitSignal, summarise } from './commit-signal.js';
import { LiveTail } from './live-tail.js';
import { SharedPages } from './shared-pages.js';
import { ANYTHING, PullSubscription, type CommitSummary } from './subscription.js';
import { assertReadableStreamName, prepareAppend, type AppendRequest } from '../validate.js';
import { writerThreadSink } from './writer-thread.js';

interface PendingAppend {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: Error) => void;
}

export interface SqliteEventStore extends EventStore {
  /** Group-commit figures: transactions committed and appends they carried. */
  stats(): { transactions: number; appends: number };
}

// Bounds the time one commit holds the event loop; the rest wait one turn.
const MAX_BATCH = 256;

class SqliteStore implements SqliteEventStore {
  private readonly reader: Reader;
  /** A batch is being committed; the next one gathers meanwhile. */
  private committing: Promise<void> | undefined;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly subscriptions = new Set<PullSubscription>();
  private commitSignal = commitSignal();
  private readonly pages = new SharedPages();
  private readonly tail: LiveTail;
  /** Commits signalled so far: the live tail reads again after each. */
  private commits = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly sink: BatchSink,
    private readonly health: LogHealth,
    private readonly id: string,
  ) {
    this.reader = new Reader(db);
    this.tail = new LiveTail((after, limit) => this.reader.readAfter(after, limit, undefined));
  }

  stats(): { transactions: number; appends: number } {
    return this.sink.stats();
  }

  async appendToStream(
    streamName: string,
    events: EventData[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const request = prepareAppend(streamName, events, options.expectedRevision ?? 'any');
    const failure = this.health.known();
    if (failure) throw failure;
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertReadableStreamName(streamName);
    return this.read(() => this.reader.readStream(streamName, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.read(() => this.reader.readAll(options));
  }

  async countAfter(position: LogPosition, filter?: AllFilter): Promise<number> {
    this.assertOpen();
    return this.read(() => this.reader.countAfter(position, filter));
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const from = options.fromPosition ?? 'start';
    const subscription = new PullSubscription(
      {
        readAfter: (position, limit, filter, live) =>
          this.read(
            () =>
              (live ? this.tail.read(position, limit, filter, this.commits) : undefined) ??
              this.pages.read(position, limit, filter, () => this.reader.readAfter(position, limit, filter)),
          ),
        head: () => this.read(() => this.reader.head()),
        nextCommit: () => this.commitSignal.promise,
      },
      from === 'start' ? 0 : from,
      options.filter,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Also the readiness probe: it fails once the store can take no more appends. */
  async headPosition(): Promise<LogPosition> {
    this.assertOpen();
    const failure = this.health.check();
    if (failure) throw failure;
    return this.read(() => this.reader.head());
  }

  async logId(): Promise<string> {
    this.assertOpen();
    return this.id;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already accepted are committed, not dropped.
    this.closed = true;
    while (this.committing || this.queue.length > 0) await (this.committing ?? this.flush());
    // Subscriptions end before the writer closes, which may first fold the WAL into the file.
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.signalCommit(ANYTHING);
    await this.sink.close();
    this.health.close();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new HuiyinError('STORE.CLOSED', 'the event store is closed');
  }

  /** A read whose failure may show the file is damaged, which stops appends too. */
  private read<T>(query: () => T): T {
    try {
      return query();
    } catch (error) {
      throw this.health.readFailed(error);
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.committing) return;
    this.flushScheduled = true;
    // setImmediate, not a microtask: callers woken by the previous commit
    // get to enqueue first, so their appends share the next transaction.
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  /** Commits what is queued; one batch at a time, the next gathering meanwhile. */
  private flush(): Promise<void> {
    if (this.committing || this.queue.length === 0) return this.committing ?? Promise.resolve();
    const batch = this.queue.length > MAX_BATCH ? this.queue.splice(0, MAX_BATCH) : this.queue;
    if (batch === this.queue) this.queue = [];
    // A lost file stops appends for good (the sink looks before every commit).
    const failure = this.health.known();
    const settled = failure
      ? Promise.resolve(batch.map(() => ({ ok: false as const, error: failure })))
      : this.sink.write(batch.map((pending) => pending.request));
    this.committing = settled.then((outcomes) => {
      const written: AppendRequest[] = [];
      outcomes.forEach((outcome, i) => {
        const pending = batch[i]!;
        if (outcome.ok) {
          if (outcome.written > 0) written.push(pending.request);
          pending.resolve(outcome.result);
        } else {
          pending.reject(outcome.error);
        }
      });
      this.committing = undefined;
      if (written.length > 0) this.signalCommit(summarise(written));
      if (this.queue.length > 0 && !this.closed) this.scheduleFlush();
    });
    return this.committing;
  }

  private signalCommit(written: CommitSummary): void {
    const signal = this.commitSignal;
    this.commits++;
    this.pages.committed();
    this.commitSignal = commitSignal();
    signal.resolve(written);
  }
}

/**
 * `writerThread: true` commits in a worker thread holding the one write
 * connection, so no fsync (nor an automatic WAL checkpoint) ever stalls the
 * event loop serving requests; the service opens its store that way. Without
 * it, commits run on the calling thread, as they must for ':memory:', which
 * is one connection. `writerBoot` is for tests only. A file that fails its
 * start-up check is refused with STORE.CORRUPT naming the file and the check.
 */
export async function openSqliteEventStore(options: {
  path: string;
  writerThread?: boolean;
  writerBoot?: URL;
}): Promise<SqliteEventStore> {
  const { db, logId } = openLogFile(options.path);
  const inMemory = options.path === ':memory:';
  const threaded = !inMemory && options.writerThread === true;
  const watch = inMemory ? undefined : new LogFileWatch(options.path);
  const sink = threaded ? writerThreadSink(options.path, options.writerBoot) : inThreadSink(db, watch);
  return new SqliteStore(db, sink, new LogHealth(watch, sink), logId);
}
