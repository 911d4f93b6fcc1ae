import { HuiyinError, WrongExpectedRevisionError } from '../../../contracts/errors.js';
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
import { assertReadableStreamName, prepareAppend } from '../validate.js';
import { connect, type Connection } from './client.js';
import { toStoreError, unavailable } from './errors.js';
import { readOrCreateLogId } from './log-identity.js';
import { toLogPosition } from './positions.js';
import { headPosition, readAll } from './read-all.js';
import { toRecorded } from './recorded.js';
import { EsdbSubscription } from './subscription.js';

export interface EsdbStoreOptions {
  /** An `esdb://` or `esdb+discover://` connection string, e.g. `esdb://localhost:2113?tls=false`. */
  url: string;
  /** How long the first call may take before the store counts as unreachable. */
  connectTimeoutMs?: number;
}

function streamStart(value: unknown, backwards: boolean): bigint | 'start' | 'end' {
  const from = value ?? (backwards ? 'end' : 'start');
  if (from === 'start' || from === 'end') return from;
  if (typeof from !== 'number' || !Number.isSafeInteger(from) || from < 0) {
    throw new RangeError(`invalid fromRevision ${String(from)}`);
  }
  return BigInt(from);
}

/** The port over EventStoreDB (or KurrentDB): same semantics as the embedded store. */
class EsdbStore implements EventStore {
  private closed = false;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private identity: Promise<string> | undefined;

  constructor(private readonly connection: Connection) {}

  async appendToStream(
    streamName: string,
    events: EventData[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    // Refused here exactly as the embedded store refuses, before any I/O.
    const request = prepareAppend(streamName, events, expected);
    if (request.events.length === 0) return this.checkOnly(streamName, expected);
    const bytes = request.events.reduce((sum, e) => sum + Buffer.byteLength(e.data) + Buffer.byteLength(e.metadata), 0);
    const proposed = request.events.map((prepared, i) => ({
      id: prepared.id,
      type: prepared.type,
      data: events[i]!.data,
      metadata: events[i]!.metadata ?? {},
    }));
    try {
      const written = await this.connection.append(streamName, proposed, expected);
      return { nextExpectedRevision: Number(written.revision), position: toLogPosition(written.commit) };
    } catch (error) {
      throw toStoreError(error, { streamName, expected, bytes });
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertReadableStreamName(streamName);
    const backwards = options.direction === 'backwards';
    const from = streamStart(options.fromRevision, backwards);
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError(`invalid maxCount ${maxCount}`);
    const events: RecordedEvent[] = [];
    try {
      // At least one is read so that a missing stream is still reported as one.
      const read = await this.connection.readStream(streamName, { backwards, from, maxCount: Math.max(maxCount, 1) });
      for (const event of read.slice(0, maxCount)) events.push(toRecorded(event));
    } catch (error) {
      throw toStoreError(error, { streamName });
    }
    return events;
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    try {
      return await readAll(this.connection, options);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const from = options.fromPosition ?? 'start';
    const subscription = new EsdbSubscription(
      { connection: this.connection, head: () => headPosition(this.connection) },
      from === 'start' ? 0 : from,
      options.filter,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<LogPosition> {
    this.assertOpen();
    try {
      return await headPosition(this.connection);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** Read (or written) once per instance: a log's identity never changes. */
  async logId(): Promise<string> {
    this.assertOpen();
    this.identity ??= readOrCreateLogId(this.connection).catch((error: unknown) => {
      this.identity = undefined;
      throw error;
    });
    return this.identity;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.connection.close();
  }

  /**
   * An empty append writes nothing, so its expectation is checked against
   * the stream's last event here: the server would answer with the position
   * of a data-less record that no reader ever sees.
   */
  private async checkOnly(streamName: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readStream(streamName, { direction: 'backwards', maxCount: 1 }).catch((error: unknown) => {
      if ((error as HuiyinError).code === 'STORE.STREAM_NOT_FOUND') return [];
      throw error;
    });
    const head = last?.revision ?? -1;
    const ok =
      expected === 'any' || (expected === 'stream_exists' ? head >= 0 : (expected === 'no_stream' ? -1 : expected) === head);
    if (!ok) throw new WrongExpectedRevisionError(streamName, expected, head);
    return { nextExpectedRevision: head, position: last?.position ?? 0 };
  }

  private assertOpen(): void {
    if (this.closed) throw new HuiyinError('STORE.CLOSED', 'the event store is closed');
  }
}

/** Where a connection string points, without any credentials it carries. */
function describe(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//');
}

/**
 * Connects and proves the server answers before anything else starts, so a
 * wrong or dead EVENTSTORE_URL stops the service with one clear line.
 */
export async function openEsdbEventStore(options: EsdbStoreOptions): Promise<EventStore> {
  let connection: Connection;
  try {
    connection = connect(options.url);
  } catch (error) {
    throw new HuiyinError('STORE.UNAVAILABLE', `EVENTSTORE_URL is not a valid connection string: ${(error as Error).message}`);
  }
  const store = new EsdbStore(connection);
  const timeoutMs = options.connectTimeoutMs ?? 5_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unavailable(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([store.headPosition(), timeout]);
    return store;
  } catch (error) {
    await store.close().catch(() => {});
    const reason = error instanceof HuiyinError ? ((error.details.reason as string | undefined) ?? error.message) : String(error);
    throw new HuiyinError('STORE.UNAVAILABLE', `cannot reach EventStoreDB at ${describe(options.url)} (is it up, and is EVENTSTORE_URL right?): ${reason}`, {
      reason,
    });
  } finally {
    clearTimeout(timer);
  }
}
