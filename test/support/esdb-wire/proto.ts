import { randomUUID } from 'node:crypto';
import grpc from '@grpc/grpc-js';
import shared from '@eventstore/db-client/generated/shared_pb.js';
import streams from '@eventstore/db-client/generated/streams_pb.js';
import type { Expected } from './commit-check.js';
import type { LogRecord } from './log.js';

/** Conversions between the Streams protocol's messages and the log's records. */

export function streamNameOf(identifier: shared.StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function identifierOf(streamName: string): shared.StreamIdentifier {
  return new shared.StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));
}

/** The server takes a UUID as a string or as two 64-bit halves, and answers in the form asked for. */
export function uuidText(uuid: shared.UUID | undefined): string {
  if (!uuid) throw new TypeError('missing id');
  if (uuid.hasStructured()) {
    const structured = uuid.getStructured()!;
    const bytes = Buffer.alloc(16);
    bytes.writeBigInt64BE(BigInt(structured.getMostSignificantBits()), 0);
    bytes.writeBigInt64BE(BigInt(structured.getLeastSignificantBits()), 8);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return uuid.getString().toLowerCase();
}

function uuidMessage(id: string, structured: boolean): shared.UUID {
  if (!structured) return new shared.UUID().setString(id);
  const bytes = Buffer.from(id.replace(/-/g, ''), 'hex');
  const halves = new shared.UUID.Structured()
    .setMostSignificantBits(bytes.readBigInt64BE(0).toString())
    .setLeastSignificantBits(bytes.readBigInt64BE(8).toString());
  return new shared.UUID().setStructured(halves);
}

type ExpectedCarrier = {
  getExpectedStreamRevisionCase(): number;
  getRevision(): string;
};

/** The four expected-revision forms share their field numbers across Append, Delete and Tombstone. */
export function expectedOf(options: ExpectedCarrier): Expected {
  const cases = streams.AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case cases.REVISION:
      return Number(options.getRevision());
    case cases.NO_STREAM:
      return 'no_stream';
    case cases.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}

export function readEventOf(record: LogRecord, structuredIds: boolean): streams.ReadResp {
  const recorded = new streams.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(record.id, structuredIds))
    .setStreamIdentifier(identifierOf(record.streamName))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(String(record.position))
    .setPreparePosition(String(record.position))
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('created', record.created.toString());
  metadata.set('content-type', record.isJson ? 'application/json' : 'application/octet-stream');
  const event = new streams.ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(record.position));
  return new streams.ReadResp().setEvent(event);
}

export function confirmation(): streams.ReadResp {
  return new streams.ReadResp().setConfirmation(
    new streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()),
  );
}

export function caughtUp(): streams.ReadResp {
  return new streams.ReadResp().setCaughtUp(new streams.ReadResp.CaughtUp());
}

export function checkpoint(position: number): streams.ReadResp {
  return new streams.ReadResp().setCheckpoint(
    new streams.ReadResp.Checkpoint().setCommitPosition(String(position)).setPreparePosition(String(position)),
  );
}

export function streamNotFound(streamName: string): streams.ReadResp {
  return new streams.ReadResp().setStreamNotFound(
    new streams.ReadResp.StreamNotFound().setStreamIdentifier(identifierOf(streamName)),
  );
}

/** A failure as the server sends it: a status, and trailers naming the exception for the client to map. */
export function rpcError(code: grpc.status, details: string, trailers: Record<string, string> = {}): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

export const errors = {
  streamDeleted: (streamName: string) =>
    rpcError(grpc.status.FAILED_PRECONDITION, `Event stream '${streamName}' is deleted.`, {
      exception: 'stream-deleted',
      'stream-name': streamName,
    }),
  wrongExpectedVersion: (operation: string, streamName: string, expected: number, actual: number) =>
    rpcError(
      grpc.status.FAILED_PRECONDITION,
      `${operation} failed due to WrongExpectedVersion. Stream: ${streamName}, Expected version: ${expected}, Actual version: ${actual}`,
      {
        exception: 'wrong-expected-version',
        'stream-name': streamName,
        'expected-version': String(expected),
        'actual-version': String(actual),
      },
    ),
  maxAppendSizeExceeded: (maxAppendSize: number) =>
    rpcError(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
      exception: 'maximum-append-size-exceeded',
      'maximum-append-size': String(maxAppendSize),
    }),
  missingMetadata: (property: string) =>
    rpcError(grpc.status.INVALID_ARGUMENT, `Required Metadata Property '${property}' is missing`, {
      exception: 'missing-required-metadata-property',
      'required-metadata-properties': 'type,content-type',
    }),
  // The real server fails a read from inside a record with an unmapped error.
  invalidPosition: (detail: string) => rpcError(grpc.status.UNKNOWN, `Invalid position: ${detail}`),
};

/** Numeric form of an expected version, as the server's trailers report it. */
export function expectedVersionNumber(expected: Expected): number {
  return expected === 'any' ? -2 : expected === 'no_stream' ? -1 : expected === 'stream_exists' ? -4 : expected;
}
