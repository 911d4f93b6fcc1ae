import type Database from 'better-sqlite3';
import { HuiyinError } from '../../../contracts/errors.js';
import type {
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
import { BatchWriter } from './batch-writer.js';
import { Reader } from './reader.js';
import { openDatabase } from './schema.js';
import { PullSubscription } from './subscription.js';
import { assertReadableStreamName, prepareAppend, type AppendRequest } from './validate.js';

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

/** A promise settled by the next commit; Node 20 lacks Promise.withResolvers. */
function commitSignal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

function closedError(): HuiyinError {
  return new HuiyinError('STORE.CLOSED', 'the event store is closed');
}

class SqliteStore implements SqliteEventStore {
  private readonly writer: BatchWriter;
  private readonly reader: Reader;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly subscriptions = new Set<PullSubscription>();
  private commitSignal = commitSignal();

  constructor(private readonly db: Database.Database) {
    this.writer = new BatchWriter(db);
    this.reader = new Reader(db);
  }

  stats(): { transactions: number; appends: number } {
    return { transactions: this.writer.transactions, appends: this.writer.appends };
  }

  async appendToStream(
    streamName: string,
    events: EventData[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const request = prepareAppend(streamName, events, options.expectedRevision ?? 'any');
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertReadableStreamName(streamName);
    return this.reader.readStream(streamName, options);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.reader.readAll(options);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const from = options.fromPosition ?? 'start';
    const subscription = new PullSubscription(
      {
        readAfter: (position, limit, filter) => this.reader.readAfter(position, limit, filter),
        head: () => this.reader.head(),
        nextCommit: () => this.commitSignal.promise,
      },
      from === 'start' ? 0 : from,
      options.filter,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<LogPosition> {
    this.assertOpen();
    return this.reader.head();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already accepted are committed, not dropped.
    while (this.queue.length > 0) this.flush();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.signalCommit();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw closedError();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate, not a microtask: callers woken by the previous commit
    // get to enqueue first, so their appends share the next transaction.
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
      if (this.queue.length > 0) this.scheduleFlush();
    });
  }

  private flush(): void {
    if (this.queue.length === 0) return;
    const batch = this.queue.length > MAX_BATCH ? this.queue.splice(0, MAX_BATCH) : this.queue;
    if (batch === this.queue) this.queue = [];
    const outcomes = this.writer.writeBatch(batch.map((pending) => pending.request));
    let written = 0;
    outcomes.forEach((outcome, i) => {
      const pending = batch[i]!;
      if (outcome.ok) {
        written += outcome.written;
        pending.resolve(outcome.result);
      } else {
        pending.reject(outcome.error);
      }
    });
    if (written > 0) this.signalCommit();
  }

  private signalCommit(): void {
    const signal = this.commitSignal;
    this.commitSignal = commitSignal();
    signal.resolve();
  }
}

export async function openSqliteEventStore(options: { path: string }): Promise<SqliteEventStore> {
  return new SqliteStore(openDatabase(options.path));
}
