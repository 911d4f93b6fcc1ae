import t from 'tap';
import type { AllFilter, RecordedEvent, SubscriptionMessage } from '../../contracts/event-store.js';
import { ANYTHING, PullSubscription, type CommitSummary } from '../../services/event-store/sqlite/subscription.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';

/** A log in memory behind the subscription's source, counting its reads. */
function fakeSource() {
  const log: RecordedEvent[] = [];
  let resolveNext!: (written: CommitSummary) => void;
  let next = new Promise<CommitSummary>((resolve) => (resolveNext = resolve));
  const source = {
    reads: 0,
    readAfter(position: number, limit: number, filter: AllFilter | undefined) {
      source.reads++;
      const matches = (e: RecordedEvent) =>
        !filter || (filter.kind === 'category' ? filter.categories.includes(e.streamName.split('-')[0]!) : filter.types.includes(e.type));
      return log.filter((e) => e.position > position && matches(e)).slice(0, limit);
    },
    head: () => log.at(-1)?.position ?? 0,
    nextCommit: () => next,
    commit(streamName: string, type: string) {
      log.push({ streamName, type, id: '', data: {}, metadata: {}, revision: 0, position: log.length + 1, recordedAt: '' });
      const settle = resolveNext;
      next = new Promise<CommitSummary>((resolve) => (resolveNext = resolve));
      settle({ categories: new Set([streamName.split('-')[0]!]), types: new Set([type]) });
    },
  };
  return source;
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

t.test('subscription › sleeps through commits holding nothing for its filter, wakes for one that does', async (t) => {
  const source = fakeSource();
  const subscription = new PullSubscription(source, 0, { kind: 'category', categories: ['station'] }, () => {});
  const iterator = subscription[Symbol.asyncIterator]();
  t.equal(((await iterator.next()).value as SubscriptionMessage).kind, 'caught-up');
  const pending = iterator.next();
  await turn();
  const readsWhenIdle = source.reads;
  for (let i = 0; i < 50; i++) {
    source.commit(`case-${i}`, 'NoteAdded');
    await turn();
  }
  t.equal(source.reads, readsWhenIdle, 'fifty commits of case events: not one read');
  source.commit('station-1', 'StationRecorded');
  const message = (await pending).value as SubscriptionMessage;
  t.equal(message.kind === 'event' && message.event.streamName, 'station-1');
  await subscription.close();
});

t.test('subscription › without a filter, and on ANYTHING, every commit wakes it', async (t) => {
  const source = fakeSource();
  const subscription = new PullSubscription(source, 0, undefined, () => {});
  const iterator = subscription[Symbol.asyncIterator]();
  await iterator.next();
  const pending = iterator.next();
  source.commit('case-1', 'NoteAdded');
  t.equal(((await pending).value as SubscriptionMessage).kind, 'event');
  t.equal(ANYTHING.categories.size, 0);
  await subscription.close();
});

t.test('subscription › over a real store: a directory subscription sees its event after many case commits', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  const subscription = store.subscribeToAll({ filter: { kind: 'category', categories: ['station'] } });
  const iterator = subscription[Symbol.asyncIterator]();
  t.equal(((await iterator.next()).value as SubscriptionMessage).kind, 'caught-up');
  const pending = iterator.next();
  const event = (type: string) => ({ id: crypto.randomUUID(), type, data: {}, metadata: {} });
  for (let i = 0; i < 20; i++) await store.appendToStream(`case-${i}`, [event('NoteAdded')]);
  await store.appendToStream('station-7', [event('StationRecorded')]);
  const message = (await pending).value as SubscriptionMessage;
  t.equal(message.kind === 'event' && message.event.streamName, 'station-7');
  await subscription.close();
});

t.test('subscription › a commit landing between its last empty page and its catching up is still delivered', async (t) => {
  const source = fakeSource();
  source.commit('case-1', 'CaseReceived');
  // The writer thread commits right after the page query found nothing more:
  // the next question the subscription asks (the head) already sees it.
  const readAfter = source.readAfter.bind(source);
  let raced = false;
  source.readAfter = (position, limit, filter) => {
    const page = readAfter(position, limit, filter);
    if (page.length === 0 && !raced) {
      raced = true;
      source.commit('case-2', 'CaseReceived');
    }
    return page;
  };
  const subscription = new PullSubscription(source, 0, undefined, () => {});
  const iterator = subscription[Symbol.asyncIterator]();
  const seen: string[] = [];
  const nothingFor = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms));
  while (!seen.includes('case-2')) {
    const result = await Promise.race([iterator.next(), nothingFor(1_000)]);
    if (!result) break;
    const message = result.value as SubscriptionMessage;
    if (message.kind === 'event') seen.push(message.event.streamName);
    else if (message.kind === 'caught-up') seen.push(`caught up at ${message.position}`);
  }
  t.same(seen, ['case-1', 'caught up at 1', 'case-2'], 'caught up where the empty page left it, then the raced commit');
  await subscription.close();
});
