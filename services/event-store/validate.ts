import { AppendTooLargeError, HuiyinError } from '../../contracts/errors.js';
import {
  MAX_APPEND_BYTES,
  categoryOf,
  type EventData,
  type ExpectedRevision,
} from '../../contracts/event-store.js';

/** An event already serialised, so the writer (maybe a worker later) only handles strings. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

/** One caller's append, checked and serialised; plain data so it can be posted to a worker. */
export interface AppendRequest {
  streamName: string;
  category: string;
  expected: ExpectedRevision;
  events: PreparedEvent[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertReadableStreamName(streamName: unknown): asserts streamName is string {
  if (typeof streamName !== 'string' || streamName.length === 0) {
    throw new HuiyinError('STORE.INVALID_STREAM_NAME', 'stream name must be a non-empty string', {
      streamName,
    });
  }
}

/** `$` streams belong to the store itself in EventStoreDB, so callers may not write them. */
export function assertWritableStreamName(streamName: unknown): asserts streamName is string {
  assertReadableStreamName(streamName);
  if (streamName.startsWith('$')) {
    throw new HuiyinError('STORE.INVALID_STREAM_NAME', `stream name ${streamName} is reserved`, { streamName });
  }
}

function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  // A programming error rather than a domain outcome, hence not a HuiyinError.
  throw new RangeError(`invalid expected revision ${String(expected)}`);
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidEvent(streamName: string, index: number, reason: string): HuiyinError {
  return new HuiyinError('STORE.INVALID_EVENT', `event ${index} of append to ${streamName}: ${reason}`, {
    streamName,
    index,
  });
}

function prepareEvent(streamName: string, event: EventData, index: number): PreparedEvent {
  if (!isPlainObject(event)) throw invalidEvent(streamName, index, 'not an object');
  if (typeof event.id !== 'string' || !UUID.test(event.id)) throw invalidEvent(streamName, index, 'id is not a UUID');
  if (typeof event.type !== 'string' || event.type.length === 0) throw invalidEvent(streamName, index, 'type is empty');
  if (!isPlainObject(event.data)) throw invalidEvent(streamName, index, 'data is not an object');
  if (event.metadata !== undefined && !isPlainObject(event.metadata)) {
    throw invalidEvent(streamName, index, 'metadata is not an object');
  }
  const { json } = event;
  if (json !== undefined && (typeof json?.data !== 'string' || typeof json.metadata !== 'string')) {
    throw invalidEvent(streamName, index, 'json is not a pair of strings');
  }
  try {
    return {
      id: event.id.toLowerCase(),
      type: event.type,
      data: json?.data ?? JSON.stringify(event.data),
      metadata: json?.metadata ?? JSON.stringify(event.metadata ?? {}),
    };
  } catch {
    throw invalidEvent(streamName, index, 'data or metadata is not serialisable as JSON');
  }
}

/** Everything that can be refused without looking at the log, refused before queueing. */
export function prepareAppend(streamName: string, events: EventData[], expected: unknown): AppendRequest {
  assertWritableStreamName(streamName);
  assertExpectedRevision(expected);
  if (!Array.isArray(events)) throw new HuiyinError('STORE.INVALID_EVENT', 'events must be an array', { streamName });
  const prepared = events.map((event, index) => prepareEvent(streamName, event, index));
  let bytes = 0;
  for (const event of prepared) bytes += Buffer.byteLength(event.data) + Buffer.byteLength(event.metadata);
  if (bytes > MAX_APPEND_BYTES) throw new AppendTooLargeError(streamName, bytes, MAX_APPEND_BYTES);
  return { streamName, category: categoryOf(streamName), expected, events: prepared };
}
