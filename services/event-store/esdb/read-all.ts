import { readAllCount, type LogPosition, type ReadAllOptions, type RecordedEvent } from '../../../contracts/event-store.js';
import type { Connection, ServerEvent, ServerPosition } from './client.js';
import { matches, matchesNothing, serverFilterOf } from './filters.js';
import { isAt, locate, toLogPosition, type Located } from './positions.js';
import { toRecorded } from './recorded.js';

// Events fetched per round trip when the client has to filter or skip.
const PAGE = 256;
// Usually the first event back from the end is the head; system events are few.
const HEAD_PAGE = 16;

const exactly = (event: ServerEvent): ServerPosition => ({ commit: event.commit!, prepare: event.commit! });

async function firstFrom(connection: Connection, at: ServerPosition): Promise<ServerEvent | undefined> {
  const [first] = await connection.readAll({ backwards: false, from: at, maxCount: 1 });
  return first;
}

/**
 * Reads `$all` with the port's semantics: forwards from a position
 * inclusive, backwards strictly before it, system events left out.
 *
 * The client of this generation cannot filter `$all` reads on the server,
 * so a filtered forwards read runs as a catch-up subscription (which it can
 * filter) until it has enough or catches up; backwards reads filter here,
 * page by page.
 */
export async function readAll(connection: Connection, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const limit = readAllCount(options.maxCount);
  const from = options.fromPosition ?? (backwards ? 'end' : 'start');
  const located: Located | 'end' = from === 'end' ? 'end' : locate(from);
  if (limit === 0 || matchesNothing(options.filter)) return [];
  if (backwards) return readBackwards(connection, located, limit, options);
  if (located === 'end') return [];
  if (options.filter) return readFiltered(connection, located, limit, options);
  return readForwards(connection, located, limit, options);
}

async function readForwards(
  connection: Connection,
  located: Located,
  limit: number,
  options: ReadAllOptions,
): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  let from: ServerPosition | 'start' = located === 'start' ? 'start' : located.at;
  // An odd position starts just after its event; later pages start at the last event read.
  let skip = located !== 'start' && located.after ? located.at.commit : undefined;
  for (;;) {
    const page = await connection.readAll({ backwards: false, from, maxCount: PAGE });
    for (const event of page) {
      if (event.commit === skip) continue;
      if (matches(options.filter, event)) found.push(toRecorded(event));
      if (found.length === limit) return found;
    }
    const last = page.at(-1);
    if (page.length < PAGE || !last) return found;
    from = exactly(last);
    skip = last.commit;
  }
}

async function readFiltered(
  connection: Connection,
  located: Located,
  limit: number,
  options: ReadAllOptions,
): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  if (located !== 'start' && !located.after) {
    // Inclusive start: the subscription below starts after this event.
    const first = await firstFrom(connection, located.at);
    if (first && isAt(located, first.commit) && matches(options.filter, first)) found.push(toRecorded(first));
    if (found.length === limit) return found;
  }
  const feed = connection.subscribeToAll({
    from: located === 'start' ? 'start' : located.at,
    filter: serverFilterOf(options.filter),
  });
  try {
    for await (const message of feed) {
      if (message.kind === 'caught-up') break;
      if (!matches(options.filter, message.event)) continue;
      found.push(toRecorded(message.event));
      if (found.length === limit) break;
    }
  } finally {
    await feed.close();
  }
  return found;
}

async function readBackwards(
  connection: Connection,
  located: Located | 'end',
  limit: number,
  options: ReadAllOptions,
): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  if (located === 'start') return found;
  if (located !== 'end' && located.after) {
    // "Strictly before 2c + 1" includes the event at c itself.
    const own = await firstFrom(connection, located.at);
    if (own && isAt(located, own.commit) && matches(options.filter, own)) found.push(toRecorded(own));
    if (found.length === limit) return found;
  }
  let from: ServerPosition | 'end' = located === 'end' ? 'end' : located.at;
  for (;;) {
    const page = await connection.readAll({ backwards: true, from, maxCount: PAGE });
    for (const event of page) {
      if (matches(options.filter, event)) found.push(toRecorded(event));
      if (found.length === limit) return found;
    }
    const last = page.at(-1);
    if (page.length < PAGE || !last) return found;
    from = exactly(last);
  }
}

/** The last event Huiyin could read, 0 when there is none: a page back from the end at a time. */
export async function headPosition(connection: Connection): Promise<LogPosition> {
  let from: ServerPosition | 'end' = 'end';
  for (;;) {
    const page = await connection.readAll({ backwards: true, from, maxCount: HEAD_PAGE });
    const found = page.find((event) => matches(undefined, event));
    if (found) return toLogPosition(found.commit);
    const last = page.at(-1);
    if (page.length < HEAD_PAGE || !last) return 0;
    from = exactly(last);
  }
}
