import type { Test } from 'tap';
import { collect, eventsOf, newEvent, storeFor, streamOf, uniqueCategory, type OpenStore } from './helpers.js';

export interface LogIdentityOptions {
  /** Whether two stores `open` hands back are on one log (a file, a server) or each on its own (memory). */
  sharedLog: boolean;
}

export function logIdentityRules(t: Test, open: OpenStore, { sharedLog }: LogIdentityOptions): void {
  t.test('keeps the identity out of reads, subscriptions and the head', async (t) => {
    // First of these rules, so that on a log nobody asked before the identity is made (and written) now.
    const store = await storeFor(t, open);
    const before = await store.headPosition();
    await store.logId();
    t.equal(await store.headPosition(), before, 'the head did not move');
    t.same(await store.readAll({ fromPosition: before + 1 }), [], 'no event after the head');
    const mine = newEvent();
    await store.appendToStream(streamOf(uniqueCategory()), [mine]);
    const subscription = store.subscribeToAll({ fromPosition: before });
    t.teardown(() => subscription.close());
    const events = eventsOf(await collect(subscription, (all) => eventsOf(all).some((e) => e.id === mine.id)));
    t.same(events.map((e) => e.id), [mine.id], 'a subscription from the old head sees only the new event');
  });

  t.test('names the log with one identity, the same at every call', async (t) => {
    const store = await storeFor(t, open);
    const [first, second] = await Promise.all([store.logId(), store.logId()]);
    t.match(first, /^\S{8,}$/, 'a word of some length');
    t.equal(second, first);
    t.equal(await store.logId(), first, 'and later');
  });

  if (sharedLog) {
    t.test('is the same for every store on the log, asked at once', async (t) => {
      const [a, b] = [await storeFor(t, open), await storeFor(t, open)];
      const [idA, idB] = await Promise.all([a.logId(), b.logId()]);
      t.equal(idA, idB);
    });
  } else {
    t.test('differs between logs of their own', async (t) => {
      const [a, b] = [await storeFor(t, open), await storeFor(t, open)];
      t.not(await a.logId(), await b.logId());
    });
  }
}
