import grpc from '@grpc/grpc-js';
import streams from '@eventstore/db-client/generated/streams_pb.js';
import { InvalidPositionError, type EventLog, type LogRecord } from './log.js';
import { errors, readEventOf, streamNameOf, streamNotFound } from './proto.js';
import { filterOf } from './filter.js';
import { subscribe } from './subscription-handler.js';

type ReadCall = grpc.ServerWritableStream<streams.ReadReq, streams.ReadResp>;
type Options = streams.ReadReq.Options;
const Opt = streams.ReadReq.Options;

/** The Read call: stream and `$all` reads in both directions, or a subscription. */
export function read(log: EventLog, call: ReadCall, liveBuffer: number): void {
  const options = call.request.getOptions()!;
  try {
    if (options.getCountOptionCase() === Opt.CountOptionCase.SUBSCRIPTION) {
      if (options.getStreamOptionCase() !== Opt.StreamOptionCase.ALL) {
        throw Object.assign(new Error('only $all subscriptions are served here'), { code: grpc.status.UNIMPLEMENTED });
      }
      subscribe(log, call, options, liveBuffer);
      return;
    }
    const count = Number(options.getCount());
    const backwards = options.getReadDirection() === Opt.ReadDirection.BACKWARDS;
    if (options.getStreamOptionCase() === Opt.StreamOptionCase.STREAM) readStream(log, call, options, backwards, count);
    else readAll(log, call, options, backwards, count);
  } catch (error) {
    call.emit('error', error instanceof InvalidPositionError ? errors.invalidPosition(error.message) : error);
  }
}

function send(call: ReadCall, options: Options, records: Iterable<LogRecord>): void {
  const structured = options.getUuidOption()?.getContentCase() === Opt.UUIDOption.ContentCase.STRUCTURED;
  for (const record of records) call.write(readEventOf(record, structured));
  call.end();
}

function readStream(log: EventLog, call: ReadCall, options: Options, backwards: boolean, count: number): void {
  const streamOptions = options.getStream()!;
  const streamName = streamNameOf(streamOptions.getStreamIdentifier());
  if (log.isDeleted(streamName)) throw errors.streamDeleted(streamName);
  const records = log.recordsOf(streamName);
  if (!records) {
    call.write(streamNotFound(streamName));
    call.end();
    return;
  }
  const cases = Opt.StreamOptions.RevisionOptionCase;
  const last = records.length - 1;
  const from = (() => {
    switch (streamOptions.getRevisionOptionCase()) {
      case cases.START:
        return 0;
      case cases.END:
        return last;
      default:
        return Number(streamOptions.getRevision());
    }
  })();
  const selected = backwards
    ? records.slice(0, Math.min(from, last) + 1).reverse().slice(0, count)
    : records.slice(from, from + count);
  send(call, options, selected);
}

function readAll(log: EventLog, call: ReadCall, options: Options, backwards: boolean, count: number): void {
  const allOptions = options.getAll()!;
  const cases = Opt.AllOptions.AllOptionCase;
  const position = Number(allOptions.getPosition()?.getCommitPosition() ?? 0);
  const allows = filterOf(options);
  const selected: LogRecord[] = [];
  if (backwards) {
    const before = allOptions.getAllOptionCase() === cases.POSITION ? log.backwardIndex(position) : log.records.length;
    for (let i = before - 1; i >= 0 && selected.length < count; i -= 1) {
      if (allows(log.records[i]!)) selected.push(log.records[i]!);
    }
  } else {
    const from = (() => {
      switch (allOptions.getAllOptionCase()) {
        case cases.START:
          return 0;
        case cases.END:
          return log.records.length;
        default:
          return log.forwardIndex(position);
      }
    })();
    for (let i = from; i < log.records.length && selected.length < count; i += 1) {
      if (allows(log.records[i]!)) selected.push(log.records[i]!);
    }
  }
  send(call, options, selected);
}
