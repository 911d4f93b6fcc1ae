import {
  AppendTooLargeError,
  HuiyinError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../../../contracts/errors.js';
import type { ExpectedRevision } from '../../../contracts/event-store.js';

/** What the adapter knew about the call that failed, to fill in what the server leaves out. */
export interface ErrorContext {
  streamName?: string;
  expected?: ExpectedRevision;
  bytes?: number;
}

/** The client's errors carry a stable `type`; these are the fields the mapping reads. */
interface ClientError {
  type?: string;
  message?: string;
  streamName?: string;
  actualVersion?: bigint | string;
  maxAppendSize?: number;
}

// Failures that say nothing about the request, only that the server could
// not take it now: the caller may retry, and nothing was half-written
// because an append is atomic on the server.
const TRANSIENT = new Set(['unavailable', 'cancelled', 'deadline-exceeded', 'timeout', 'not-leader']);
// Connection failures the client reports before it has a typed error.
const UNREACHABLE = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|No connection established|Failed to discover|Connection dropped/i;

export function unavailable(detail: string): HuiyinError {
  // gRPC appends an empty "Resolution note:" to connection failures.
  const reason = detail.replace(/\s*Resolution note:\s*$/, '');
  return new HuiyinError('STORE.UNAVAILABLE', `the event store is unavailable: ${reason}`, { reason });
}

/** Maps a client or server failure onto the port's typed errors. */
export function toStoreError(error: unknown, context: ErrorContext = {}): Error {
  if (error instanceof HuiyinError || error instanceof RangeError) return error;
  const failure = (error ?? {}) as ClientError;
  const message = failure.message ?? String(error);
  const streamName = context.streamName ?? failure.streamName ?? '';
  switch (failure.type) {
    case 'wrong-expected-version': {
      const actual = failure.actualVersion;
      return new WrongExpectedRevisionError(
        streamName,
        context.expected ?? 'any',
        typeof actual === 'bigint' ? Number(actual) : -1,
      );
    }
    case 'stream-not-found':
      return new StreamNotFoundError(streamName);
    case 'stream-deleted':
      return new HuiyinError('STORE.STREAM_DELETED', `stream ${streamName} is deleted`, { streamName });
    case 'maximum-append-size-exceeded':
      return new AppendTooLargeError(streamName, context.bytes ?? 0, failure.maxAppendSize ?? 0);
    case 'access-denied':
      return new HuiyinError('INTERNAL', 'EventStoreDB refused access: check the credentials in EVENTSTORE_URL', {
        reason: message,
      });
  }
  if ((failure.type && TRANSIENT.has(failure.type)) || UNREACHABLE.test(message)) return unavailable(message);
  return new HuiyinError('INTERNAL', `EventStoreDB failed the call: ${message}`, { reason: message });
}

/** Whether a failure may pass once the server is back: what a subscription retries on. */
export function isTransient(error: Error): boolean {
  return error instanceof HuiyinError && error.code === 'STORE.UNAVAILABLE';
}
