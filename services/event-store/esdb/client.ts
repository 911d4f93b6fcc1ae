import {
  EventStoreDBClient,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { ExpectedRevision, JsonObject } from '../../../contracts/event-store.js';

/**
 * The only module that knows the client library. Everything else in the
 * adapter speaks these plain types, so moving to `@kurrent/kurrentdb-client`
 * (the renamed successor, same protocol and error types) changes this file
 * alone.
 */

/** A position in the server's transaction file; commit == prepare for ordinary writes. */
export interface ServerPosition {
  commit: bigint;
  prepare: bigint;
}

export interface ServerEvent {
  streamName: string;
  id: string;
  type: string;
  revision: bigint;
  /** Commit position; absent when the server did not report one. */
  commit: bigint | undefined;
  created: Date;
  data: unknown;
  metadata: unknown;
}

/** A server-side filter: a .NET regular expression on the stream name or the event type. */
export interface ServerFilter {
  on: 'streamName' | 'eventType';
  regex: string;
}

export type FeedMessage = { kind: 'event'; event: ServerEvent } | { kind: 'caught-up' };

/** A live subscription as ordered messages; pulling applies backpressure to the server. */
export interface Feed extends AsyncIterable<FeedMessage> {
  close(): Promise<void>;
}

export interface ProposedEvent {
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export interface Connection {
  append(streamName: string, events: ProposedEvent[], expected: ExpectedRevision): Promise<{ revision: bigint; commit: bigint }>;
  /** Reads are always drained to their end: a read abandoned half-way keeps the client from closing. */
  readStream(
    streamName: string,
    options: { backwards: boolean; from: bigint | 'start' | 'end'; maxCount: number },
  ): Promise<ServerEvent[]>;
  readAll(options: { backwards: boolean; from: ServerPosition | 'start' | 'end'; maxCount: number }): Promise<ServerEvent[]>;
  subscribeToAll(options: { from: ServerPosition | 'start'; filter: ServerFilter }): Feed;
  close(): Promise<void>;
}

function toServerEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): ServerEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  return {
    streamName: event.streamId,
    id: event.id,
    type: event.type,
    revision: event.revision,
    commit: event.position?.commit,
    created: event.created,
    data: event.data,
    metadata: event.metadata,
  };
}

async function drain(reads: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>): Promise<ServerEvent[]> {
  const found: ServerEvent[] = [];
  for await (const resolved of reads) {
    const event = toServerEvent(resolved);
    if (event) found.push(event);
  }
  return found;
}

export function connect(url: string): Connection {
  const client = EventStoreDBClient.connectionString(url);
  return {
    async append(streamName, proposed, expected) {
      const result = await client.appendToStream(
        streamName,
        proposed.map((event) => jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata })),
        { expectedRevision: typeof expected === 'number' ? BigInt(expected) : expected },
      );
      if (!result.position) throw new Error('the server reported no position for a written append');
      return { revision: result.nextExpectedRevision, commit: result.position.commit };
    },
    readStream(streamName, options) {
      return drain(
        client.readStream(streamName, {
          direction: options.backwards ? 'backwards' : 'forwards',
          fromRevision: options.from,
          maxCount: options.maxCount,
        }),
      );
    },
    readAll(options) {
      return drain(
        client.readAll({
          direction: options.backwards ? 'backwards' : 'forwards',
          fromPosition: options.from,
          maxCount: options.maxCount,
        }),
      );
    },
    subscribeToAll(options) {
      const make = options.filter.on === 'streamName' ? streamNameFilter : eventTypeFilter;
      return feedOf(client.subscribeToAll({ fromPosition: options.from, filter: make({ regex: options.filter.regex }) }));
    },
    close: () => client.dispose(),
  };
}

// A consumer this far behind pauses the server's stream until it catches up.
const HIGH_WATER = 512;

/**
 * The client's subscription is a stream of events that announces `caughtUp`
 * out of band, possibly while events before it still sit in its buffer. The
 * signal is therefore placed after exactly the events delivered or buffered
 * when it fired, so it keeps its place in the order.
 */
function feedOf(subscription: AllStreamSubscription): Feed {
  const queue: FeedMessage[] = [];
  let received = 0;
  let caughtUpAfter: number | undefined;
  let failure: unknown;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const placeCaughtUp = () => {
    if (caughtUpAfter !== received) return;
    queue.push({ kind: 'caught-up' });
    caughtUpAfter = undefined;
  };
  subscription.on('data', (resolved: AllStreamResolvedEvent) => {
    received += 1;
    const event = toServerEvent(resolved);
    if (event) queue.push({ kind: 'event', event });
    placeCaughtUp();
    if (queue.length >= HIGH_WATER) subscription.pause();
    notify();
  });
  subscription.on('caughtUp', () => {
    caughtUpAfter = received + subscription.readableLength;
    placeCaughtUp();
    notify();
  });
  subscription.on('error', (error) => {
    failure = error;
    notify();
  });
  subscription.on('end', () => {
    ended = true;
    notify();
  });
  const close = async () => {
    if (ended) return;
    ended = true;
    notify();
    await subscription.unsubscribe();
  };
  async function* messages(): AsyncGenerator<FeedMessage> {
    try {
      for (;;) {
        const next = queue.shift();
        if (next) {
          if (queue.length < HIGH_WATER / 2 && subscription.isPaused()) subscription.resume();
          yield next;
          continue;
        }
        if (failure !== undefined) throw failure;
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      await close();
    }
  }
  return { [Symbol.asyncIterator]: messages, close };
}
