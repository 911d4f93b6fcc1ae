import { randomBytes, randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import type {
  AllFilter,
  EventData,
  EventStore,
  JsonObject,
  RecordedEvent,
  Subscription,
  SubscriptionMessage,
} from '../../../contracts/event-store.js';

export type OpenStore = () => Promise<EventStore>;

/**
 * A category no other test (or earlier run against a shared server) uses:
 * letters and digits only, because a category ends at the first '-'.
 */
export function uniqueCategory(prefix = 't'): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}

export function streamOf(category: string, name = 'a'): string {
  return `${category}-${name}`;
}

export function newEvent(type = 'Happened', data: JsonObject = {}, metadata: JsonObject = {}): EventData {
  return { id: randomUUID(), type, data, metadata };
}

export function newEvents(count: number, type = 'Happened'): EventData[] {
  return Array.from({ length: count }, (_, n) => newEvent(type, { n }));
}

/** Opens a store for one test and closes it when the test ends. */
export async function storeFor(t: Test, open: OpenStore): Promise<EventStore> {
  const store = await open();
  t.teardown(() => store.close());
  return store;
}

export async function streamIds(store: EventStore, streamName: string): Promise<string[]> {
  return (await store.readStream(streamName)).map((event) => event.id);
}

export async function isMissing(store: EventStore, streamName: string): Promise<boolean> {
  try {
    await store.readStream(streamName);
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'STORE.STREAM_NOT_FOUND') return true;
    throw error;
  }
}

/**
 * Pulls messages until `done` holds, failing rather than hanging when the
 * subscription goes quiet for `timeoutMs`.
 */
export async function collect(
  subscription: Subscription,
  done: (messages: SubscriptionMessage[]) => boolean,
  messages: SubscriptionMessage[] = [],
  timeoutMs = 10_000,
): Promise<SubscriptionMessage[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  while (!done(messages)) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const next = await Promise.race([iterator.next(), timeout]).finally(() => clearTimeout(timer));
    if (next === 'timeout') throw new Error(`subscription went quiet after ${messages.length} messages`);
    if (next.done) break;
    messages.push(next.value);
  }
  return messages;
}

/** Resolves true when the subscription ends within the time, false otherwise. */
export async function endsWithin(subscription: Subscription, timeoutMs = 5_000): Promise<boolean> {
  const iterator = subscription[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), deadline - Date.now())));
    const next = await Promise.race([iterator.next(), timeout]).finally(() => clearTimeout(timer));
    if (next === 'timeout') return false;
    if (next.done) return true;
  }
  return false;
}

export function eventsOf(messages: SubscriptionMessage[]) {
  return messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
}

export function countEvents(messages: SubscriptionMessage[]): number {
  return eventsOf(messages).length;
}

/** Every event of `$all` (matching `filter`), read as callers must: a page at a time. */
export async function readWholeLog(store: EventStore, filter?: AllFilter): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let from = 0; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: 1_000, ...(filter ? { filter } : {}) });
    all.push(...page);
    if (page.length < 1_000) return all;
    from = page.at(-1)!.position + 1;
  }
}
