import grpc from '@grpc/grpc-js';
import streams from '@eventstore/db-client/generated/streams_pb.js';
import type { EventLog, LogRecord } from './log.js';
import { caughtUp, checkpoint, confirmation, readEventOf, rpcError } from './proto.js';
import { filterOf } from './filter.js';

type ReadCall = grpc.ServerWritableStream<streams.ReadReq, streams.ReadResp>;
const Opt = streams.ReadReq.Options;

// The server's page size when catching up, and its default filter search window.
const PAGE_SIZE = 32;

/**
 * A catch-up subscription to `$all` as the server runs one: confirmation,
 * history after the start position (exclusive), `caughtUp`, then live
 * events; with a filter, a checkpoint every `multiplier × window` events
 * considered. History is sent a page per turn of the event loop so appends
 * land between pages, and the switch to live happens in the same turn as the
 * last page, so nothing committed in between is missed or sent twice.
 *
 * History waits for a slow reader; live events do not: when more than
 * `liveBuffer` messages wait to be sent, the server drops the subscription
 * as "consumer too slow" (an Aborted status) and the client must resubscribe.
 */
export function subscribe(log: EventLog, call: ReadCall, options: streams.ReadReq.Options, liveBuffer: number): void {
  const allOptions = options.getAll()!;
  const cases = Opt.AllOptions.AllOptionCase;
  const structured = options.getUuidOption()?.getContentCase() === Opt.UUIDOption.ContentCase.STRUCTURED;
  const allows = filterOf(options);
  const filtered = options.getFilterOptionCase() === Opt.FilterOptionCase.FILTER;
  const filter = options.getFilter();
  const window = filtered && filter!.getWindowCase() === Opt.FilterOptions.WindowCase.MAX ? filter!.getMax() : PAGE_SIZE;
  const checkpointEvery = filtered ? Math.max(1, filter!.getCheckpointintervalmultiplier()) * window : Infinity;

  let cursor = startIndex(log, allOptions, cases);
  let considered = 0;
  let stopped = false;
  let unsubscribe: (() => void) | undefined;
  const stop = () => {
    stopped = true;
    unsubscribe?.();
  };
  call.on('cancelled', stop);
  call.on('close', stop);
  call.on('error', stop);

  const deliver = (record: LogRecord) => {
    if (stopped) return;
    considered += 1;
    if (allows(record)) call.write(readEventOf(record, structured));
    if (considered % checkpointEvery === 0) call.write(checkpoint(record.position));
  };

  call.write(confirmation());
  const catchUp = () => {
    if (stopped) return;
    const end = Math.min(cursor + PAGE_SIZE, log.records.length);
    for (; cursor < end; cursor += 1) deliver(log.records[cursor]!);
    if (cursor < log.records.length) {
      if (call.writableNeedDrain) call.once('drain', catchUp);
      else setImmediate(catchUp);
      return;
    }
    call.write(caughtUp());
    unsubscribe = log.onCommit((records) => {
      records.forEach(deliver);
      if (stopped || call.writableLength <= liveBuffer) return;
      stop();
      const message = 'Consumer too slow to handle event while live. Client resubscription required.';
      call.emit('error', rpcError(grpc.status.ABORTED, `Operation timed out: ${message}`));
    });
  };
  setImmediate(catchUp);
}

/**
 * Where history starts. From a position the server reads the first event at
 * or after it and starts after that one, which is what makes a subscription
 * exclusive of its start — and why the position must be an event's own.
 */
function startIndex(
  log: EventLog,
  allOptions: streams.ReadReq.Options.AllOptions,
  cases: typeof streams.ReadReq.Options.AllOptions.AllOptionCase,
): number {
  switch (allOptions.getAllOptionCase()) {
    case cases.START:
      return 0;
    case cases.END:
      return log.records.length;
    default: {
      const from = log.forwardIndex(Number(allOptions.getPosition()!.getCommitPosition()));
      return Math.min(from + 1, log.records.length);
    }
  }
}
