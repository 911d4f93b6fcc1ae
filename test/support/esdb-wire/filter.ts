import streams from '@eventstore/db-client/generated/streams_pb.js';
import type { LogRecord } from './log.js';

const Opt = streams.ReadReq.Options;

/** Which records a read's filter lets through, as the server's event filter decides. */
export function filterOf(options: streams.ReadReq.Options): (record: LogRecord) => boolean {
  if (options.getFilterOptionCase() !== Opt.FilterOptionCase.FILTER) return () => true;
  const filter = options.getFilter()!;
  const onStream = filter.getFilterCase() === Opt.FilterOptions.FilterCase.STREAM_IDENTIFIER;
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const subject = (record: LogRecord) => (onStream ? record.streamName : record.type);
  const regex = expression.getRegex();
  if (regex) {
    const pattern = new RegExp(regex);
    return (record) => pattern.test(subject(record));
  }
  const prefixes = expression.getPrefixList();
  return (record) => prefixes.some((prefix) => subject(record).startsWith(prefix));
}
