import { randomUUID } from 'node:crypto';
import grpc from '@grpc/grpc-js';
import shared from '@eventstore/db-client/generated/shared_pb.js';
import streams from '@eventstore/db-client/generated/streams_pb.js';
import type { Expected } from './commit-check.js';
import type { EventLog, ProposedEvent, WriteOutcome } from './log.js';
import { errors, expectedOf, expectedVersionNumber, rpcError, streamNameOf, uuidText } from './proto.js';

type AppendCall = grpc.ServerReadableStream<streams.AppendReq, streams.AppendResp>;
type Callback<T> = grpc.sendUnaryData<T>;

/** Bytes an event counts for against the append limit: the server's "size on disk". */
function sizeOnDisk(type: string, data: Uint8Array, metadata: Uint8Array): number {
  return data.length + metadata.length + type.length * 2;
}

/**
 * The Append call: an options message, then the proposed events. Like the
 * server, it enforces the append size limit while the events stream in, and
 * answers a wrong expected version in the response body (not as an error),
 * with the expected and current revisions.
 */
export function append(log: EventLog, maxAppendSize: number, call: AppendCall, callback: Callback<streams.AppendResp>): void {
  let options: streams.AppendReq.Options | undefined;
  const events: ProposedEvent[] = [];
  let size = 0;
  let failed = false;
  const fail = (error: grpc.ServiceError) => {
    if (failed) return;
    failed = true;
    callback(error);
  };
  const accept = (request: streams.AppendReq): void => {
    if (!options) {
      if (!request.hasOptions()) return fail(rpcError(grpc.status.INVALID_ARGUMENT, 'the first message must carry options'));
      options = request.getOptions()!;
      return;
    }
    const proposed = request.getProposedMessage();
    if (!proposed) return fail(rpcError(grpc.status.INVALID_ARGUMENT, 'expected a proposed message'));
    const metadata = proposed.getMetadataMap();
    const type = metadata.get('type');
    const contentType = metadata.get('content-type');
    if (type === undefined) return fail(errors.missingMetadata('type'));
    if (contentType === undefined) return fail(errors.missingMetadata('content-type'));
    const event = {
      id: uuidText(proposed.getId()),
      type,
      isJson: contentType === 'application/json',
      data: proposed.getData_asU8(),
      metadata: proposed.getCustomMetadata_asU8(),
    };
    size += sizeOnDisk(event.type, event.data, event.metadata);
    if (size > maxAppendSize) return fail(errors.maxAppendSizeExceeded(maxAppendSize));
    events.push(event);
  };
  call.on('error', () => (failed = true));
  call.on('data', (request: streams.AppendReq) => {
    if (failed) return;
    try {
      accept(request);
    } catch (error) {
      fail(rpcError(grpc.status.INVALID_ARGUMENT, (error as Error).message));
    }
  });
  call.on('end', () => {
    if (failed) return;
    if (!options) return fail(rpcError(grpc.status.INVALID_ARGUMENT, 'no options were sent'));
    const streamName = streamNameOf(options.getStreamIdentifier());
    const expected = expectedOf(options);
    const outcome = log.write(streamName, expected, events);
    if (outcome.kind === 'deleted') return fail(errors.streamDeleted(streamName));
    callback(null, appendResponse(outcome, expected));
  });
}

function appendResponse(outcome: Exclude<WriteOutcome, { kind: 'deleted' }>, expected: Expected): streams.AppendResp {
  if (outcome.kind === 'written') {
    const success = new streams.AppendResp.Success();
    if (outcome.revision < 0) success.setNoStream(new shared.Empty());
    else success.setCurrentRevision(String(outcome.revision));
    const position = String(outcome.position);
    success.setPosition(new streams.AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
    return new streams.AppendResp().setSuccess(success);
  }
  const wrong = new streams.AppendResp.WrongExpectedVersion();
  if (outcome.current < 0) wrong.setCurrentNoStream(new shared.Empty());
  else wrong.setCurrentRevision(String(outcome.current));
  if (expected === 'any') wrong.setExpectedAny(new shared.Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new shared.Empty());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new shared.Empty());
  else wrong.setExpectedRevision(String(expected));
  return new streams.AppendResp().setWrongExpectedVersion(wrong);
}

/**
 * The Tombstone call (hard delete). Unlike Append, a delete reports a wrong
 * expected version as an error whose trailers carry the stream and versions.
 */
export function tombstone(log: EventLog, call: grpc.ServerUnaryCall<streams.TombstoneReq, streams.TombstoneResp>, callback: Callback<streams.TombstoneResp>): void {
  const options = call.request.getOptions()!;
  const streamName = streamNameOf(options.getStreamIdentifier());
  const expected = expectedOf(options);
  const outcome = log.tombstone(streamName, expected, randomUUID());
  switch (outcome.kind) {
    case 'deleted':
      return callback(errors.streamDeleted(streamName));
    case 'wrong-expected-version':
      return callback(errors.wrongExpectedVersion('Delete', streamName, expectedVersionNumber(expected), outcome.current));
    case 'written': {
      const position = String(outcome.position);
      const at = new streams.TombstoneResp.Position().setCommitPosition(position).setPreparePosition(position);
      return callback(null, new streams.TombstoneResp().setPosition(at));
    }
  }
}
