/**
 * The event-store port. Every adapter (embedded SQLite, EventStoreDB) honours
 * these semantics, which follow EventStoreDB's so that callers never change
 * when the store does. Types only, plus the typed errors callers branch on.
 */

/** Revisions count from 0 and are gapless within a stream. */
export type StreamRevision = number;

/**
 * A position in the global log (`$all`). Positions only ever increase in
 * commit order; they are not contiguous. 0 is before the first event.
 */
export type LogPosition = number;

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | StreamRevision;

export type JsonObject = { [key: string]: unknown };

/** An event as a caller proposes it. `id` is a UUID chosen by the caller. */
export interface EventData {
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  /**
   * `data` and `metadata` already as JSON text that parses back to them, for
   * a caller that has it anyway (the engine, from hashing). An adapter may
   * store it instead of serialising again, or ignore it.
   */
  json?: { data: string; metadata: string };
}

/** An event as the log holds it. */
export interface RecordedEvent extends EventData {
  streamName: string;
  revision: StreamRevision;
  position: LogPosition;
  /** ISO-8601 time the store committed it (not the domain time). */
  recordedAt: string;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: StreamRevision;
  /** Log position of the last event appended. */
  position: LogPosition;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive. Default: 'start' forwards, 'end' backwards. */
  fromRevision?: StreamRevision | 'start' | 'end';
  maxCount?: number;
}

/** Filter on `$all`: a category is the stream name up to its first `-`. */
export type AllFilter =
  | { kind: 'category'; categories: string[] }
  | { kind: 'eventType'; types: string[] };

export interface ReadAllOptions {
  direction?: Direction;
  /**
   * Forwards: events at or after this position. Backwards: events strictly
   * before it, as EventStoreDB does. Default: 'start' forwards, 'end' backwards.
   */
  fromPosition?: LogPosition | 'start' | 'end';
  /**
   * At most this many events (default READ_ALL_DEFAULT_COUNT, at most
   * READ_ALL_MAX_COUNT, else a RangeError): `$all` is read a page at a time,
   * the next page from the last position read + 1 (backwards: from it).
   */
  maxCount?: number;
  filter?: AllFilter;
}

/**
 * A page of `$all` when the caller names no size. The whole log is never
 * read in one call: a million events would hold the event loop for half a
 * minute and take gigabytes.
 */
export const READ_ALL_DEFAULT_COUNT = 500;
/** The largest page of `$all` one call returns: parsing it must stay a short step of the event loop. */
export const READ_ALL_MAX_COUNT = 1_000;

/** The page size `options` ask for, held to the port's default and ceiling. */
export function readAllCount(maxCount: number | undefined): number {
  if (maxCount === undefined) return READ_ALL_DEFAULT_COUNT;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0 || maxCount > READ_ALL_MAX_COUNT) {
    throw new RangeError(`invalid maxCount ${maxCount}: a page of $all holds 0 to ${READ_ALL_MAX_COUNT} events`);
  }
  return maxCount;
}

export interface SubscribeOptions {
  /** Exclusive: the subscription starts after this position. */
  fromPosition?: LogPosition | 'start';
  filter?: AllFilter;
}

export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  /** History has been delivered up to `position`; live events follow. */
  | { kind: 'caught-up'; position: LogPosition };

export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(
    streamName: string,
    events: EventData[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** One page of `$all` (see ReadAllOptions.maxCount); never the whole log. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /**
   * How many events (matching `filter`) lie after `position`: a projection's
   * lag. Optional: an adapter that cannot count without reading them all
   * (EventStoreDB) leaves it out, and callers report the lag as unknown.
   */
  countAfter?(position: LogPosition, filter?: AllFilter): Promise<number>;
  /** Position of the last event in the log, 0 when empty. */
  headPosition(): Promise<LogPosition>;
  /**
   * The log's identity: made once, when the log is created, and the same for
   * every instance on that log. It is no event: reads, subscriptions and the
   * head never show it. A read model records it with its checkpoints, so a
   * log that was deleted or swapped for another is told from the one it was
   * built from.
   */
  logId(): Promise<string>;
  close(): Promise<void>;
}

/** The largest append accepted, in bytes of serialised data and metadata. */
export const MAX_APPEND_BYTES = 1024 * 1024;

export function categoryOf(streamName: string): string {
  const dash = streamName.indexOf('-');
  return dash === -1 ? streamName : streamName.slice(0, dash);
}
