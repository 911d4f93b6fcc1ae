import { checkCommit, type Expected, type StreamState } from './commit-check.js';

/** One record of the transaction log, as EventStoreDB keeps an event. */
export interface LogRecord {
  /** Byte offset of the record's start: the event's commit and prepare position. */
  position: number;
  streamName: string;
  /** Event number; a tombstone carries EventStoreDB's "deleted stream" number. */
  revision: bigint;
  id: string;
  type: string;
  isJson: boolean;
  data: Uint8Array;
  metadata: Uint8Array;
  /** 100 ns ticks since the Unix epoch, as the server reports `created`. */
  created: bigint;
}

export interface ProposedEvent {
  id: string;
  type: string;
  isJson: boolean;
  data: Uint8Array;
  metadata: Uint8Array;
}

export type WriteOutcome =
  | { kind: 'written'; revision: number; position: number }
  | { kind: 'wrong-expected-version'; current: number }
  | { kind: 'deleted' };

/** The event number EventStoreDB gives a tombstone (long.MaxValue). */
export const TOMBSTONE_REVISION = 2n ** 63n - 1n;
// The first chunk starts with the epoch record; events come after it.
const FIRST_POSITION = 128;
// A fixed per-record overhead, so positions are byte-like and never contiguous.
const RECORD_OVERHEAD = 80;

/** Raised for a read from a position that is not the start of a record. */
export class InvalidPositionError extends Error {}

interface Stream {
  records: LogRecord[];
  deleted: boolean;
}

/**
 * The server's durable state: one ordered log of records, a per-stream index,
 * and the bounded committed-event cache that `any`/`stream_exists`
 * idempotency relies on. All of it survives a server "restart".
 */
export class EventLog {
  readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, Stream>();
  private readonly committed = new Map<string, { streamName: string; revision: number }>();
  private readonly listeners = new Set<(records: LogRecord[]) => void>();
  private end = FIRST_POSITION;

  constructor(private readonly committedCacheSize = 100_000) {}

  /** Position just after the last record: where the next one will start. */
  get writerCheckpoint(): number {
    return this.end;
  }

  stream(streamName: string): StreamState {
    const stream = this.streams.get(streamName);
    if (!stream) return { lastRevision: -1, deleted: false, idAt: () => undefined };
    return {
      lastRevision: stream.records.length - 1,
      deleted: stream.deleted,
      idAt: (revision) => stream.records[revision]?.id,
    };
  }

  recordsOf(streamName: string): LogRecord[] | undefined {
    return this.streams.get(streamName)?.records;
  }

  isDeleted(streamName: string): boolean {
    return this.streams.get(streamName)?.deleted ?? false;
  }

  /** Checks the expected version with the server's rules and appends atomically. */
  write(streamName: string, expected: Expected, events: ProposedEvent[]): WriteOutcome {
    const state = this.stream(streamName);
    const decision = checkCommit(state, expected, events.map((e) => e.id), (id) => this.cached(id, streamName));
    switch (decision.kind) {
      case 'deleted':
        return { kind: 'deleted' };
      case 'wrong-expected-version':
        return { kind: 'wrong-expected-version', current: state.lastRevision };
      case 'idempotent': {
        const last = this.streams.get(streamName)!.records[decision.lastRevision]!;
        return { kind: 'written', revision: decision.lastRevision, position: last.position };
      }
      case 'ok':
        break;
    }
    if (events.length === 0) {
      // The server writes an empty, data-less prepare and reports the head.
      const last = this.streams.get(streamName)?.records.at(-1);
      return { kind: 'written', revision: state.lastRevision, position: last?.position ?? this.end };
    }
    const written = events.map((event, i) => this.place(streamName, BigInt(state.lastRevision + 1 + i), event));
    for (const record of written) this.remember(record);
    this.notify(written);
    const last = written.at(-1)!;
    return { kind: 'written', revision: Number(last.revision), position: last.position };
  }

  /** A hard delete: the stream can never be written or read again. */
  tombstone(streamName: string, expected: Expected, id: string): WriteOutcome {
    const state = this.stream(streamName);
    const decision = checkCommit(state, expected, [id], () => undefined);
    if (decision.kind === 'deleted') return { kind: 'deleted' };
    if (decision.kind !== 'ok') return { kind: 'wrong-expected-version', current: state.lastRevision };
    const empty = new Uint8Array();
    const record = this.place(streamName, TOMBSTONE_REVISION, {
      id,
      type: '$streamDeleted',
      isJson: false,
      data: empty,
      metadata: empty,
    });
    this.streams.get(streamName)!.deleted = true;
    this.notify([record]);
    return { kind: 'written', revision: state.lastRevision, position: record.position };
  }

  /** Index of the record starting exactly at `position`, or where one would go. */
  indexAt(position: number): { index: number; exact: boolean } {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.records[mid]!.position < position) low = mid + 1;
      else high = mid;
    }
    return { index: low, exact: this.records[low]?.position === position };
  }

  /**
   * First index at or after a forward-read position. Like the server, a
   * position past the last record reads nothing, and one inside an earlier
   * record is garbage to it.
   */
  forwardIndex(position: number): number {
    const last = this.records.at(-1);
    if (!last || position > last.position) return this.records.length;
    const { index, exact } = this.indexAt(position);
    if (!exact) throw new InvalidPositionError(`no record starts at ${position}`);
    return index;
  }

  /** Count of records strictly before a backward-read position (a record start or the end). */
  backwardIndex(position: number): number {
    if (position === this.end) return this.records.length;
    const { index, exact } = this.indexAt(position);
    if (!exact) throw new InvalidPositionError(`no record ends at ${position}`);
    return index;
  }

  onCommit(listener: (records: LogRecord[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private place(streamName: string, revision: bigint, event: ProposedEvent): LogRecord {
    const record: LogRecord = {
      position: this.end,
      streamName,
      revision,
      ...event,
      created: BigInt(Date.now()) * 10_000n,
    };
    this.end += RECORD_OVERHEAD + Buffer.byteLength(streamName) + Buffer.byteLength(event.type) + event.data.length +
      event.metadata.length;
    this.records.push(record);
    let stream = this.streams.get(streamName);
    if (!stream) this.streams.set(streamName, (stream = { records: [], deleted: false }));
    if (revision !== TOMBSTONE_REVISION) stream.records.push(record);
    return record;
  }

  private cached(id: string, streamName: string): number | undefined {
    const entry = this.committed.get(id);
    return entry?.streamName === streamName ? entry.revision : undefined;
  }

  private remember(record: LogRecord): void {
    // Re-inserting moves the id to the young end; the oldest falls out first.
    this.committed.delete(record.id);
    this.committed.set(record.id, { streamName: record.streamName, revision: Number(record.revision) });
    if (this.committed.size > this.committedCacheSize) this.committed.delete(this.committed.keys().next().value!);
  }

  private notify(records: LogRecord[]): void {
    for (const listener of this.listeners) listener(records);
  }
}
