import type { Test } from 'tap';
import type { AllFilter } from '../../../contracts/event-store.js';
import {
  collect,
  countEvents,
  endsWithin,
  eventsOf,
  newEvent,
  newEvents,
  storeFor,
  streamOf,
  uniqueCategory,
  type OpenStore,
} from './helpers.js';

const caughtUp = (messages: { kind: string }[]) => messages.some((m) => m.kind === 'caught-up');

export function subscriptionRules(t: Test, open: OpenStore): void {
  t.test('delivers history, then one caught-up signal, then live events', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    const from = await store.headPosition();
    const history = await store.appendToStream(streamOf(category), newEvents(3));
    const subscription = store.subscribeToAll({ fromPosition: from, filter: { kind: 'category', categories: [category] } });
    t.teardown(() => subscription.close());
    const messages = await collect(subscription, caughtUp);
    t.same(messages.map((m) => m.kind), ['event', 'event', 'event', 'caught-up']);
    const signal = messages[3]!;
    t.ok(signal.kind === 'caught-up' && signal.position >= history.position, 'caught up to the history');

    const live = newEvents(2);
    await store.appendToStream(streamOf(category), [live[0]!]);
    await store.appendToStream(streamOf(category, 'b'), [live[1]!]);
    await collect(subscription, (all) => countEvents(all) === 5, messages);
    t.same(messages.slice(4).map((m) => m.kind), ['event', 'event'], 'no second caught-up');
    t.same(eventsOf(messages).slice(3).map((e) => e.id), live.map((e) => e.id));
  });

  t.test('starts after the given position, exclusive', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    const first = await store.appendToStream(streamOf(category), [newEvent()]);
    const rest = newEvents(2);
    await store.appendToStream(streamOf(category), rest);
    const subscription = store.subscribeToAll({ fromPosition: first.position, filter: { kind: 'category', categories: [category] } });
    t.teardown(() => subscription.close());
    const messages = await collect(subscription, caughtUp);
    t.same(eventsOf(messages).map((e) => e.id), rest.map((e) => e.id));
  });

  t.test('delivers only the filtered event types', async (t) => {
    const store = await storeFor(t, open);
    const [wanted, unwanted] = [uniqueCategory('Wanted'), uniqueCategory('Not')];
    const from = await store.headPosition();
    const subscription = store.subscribeToAll({ fromPosition: from, filter: { kind: 'eventType', types: [wanted] } });
    t.teardown(() => subscription.close());
    const events = [newEvent(unwanted), newEvent(wanted), newEvent(unwanted), newEvent(wanted)];
    await store.appendToStream(streamOf(uniqueCategory()), events);
    const messages = await collect(subscription, (all) => countEvents(all) === 2);
    t.same(eventsOf(messages).map((e) => e.id), [events[1]!.id, events[3]!.id]);
  });

  t.test('delivers every event once, in log order, while appends race it', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    const filter: AllFilter = { kind: 'category', categories: [category] };
    const from = await store.headPosition();
    await store.appendToStream(streamOf(category, 'early'), newEvents(20));
    const subscription = store.subscribeToAll({ fromPosition: from, filter });
    t.teardown(() => subscription.close());
    const expected = 20 + 8 * 25 * 2;
    const received = collect(subscription, (all) => countEvents(all) >= expected);
    // Appends land before, during and after the catch-up, in waves.
    for (let wave = 0; wave < 25; wave += 1) {
      await Promise.all(
        Array.from({ length: 8 }, (_, s) => store.appendToStream(streamOf(category, `s${s}`), newEvents(2))),
      );
      if (wave % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const events = eventsOf(await received);
    const ids = events.map((e) => e.id);
    t.equal(new Set(ids).size, ids.length, 'no duplicates');
    t.ok(events.every((e, i) => i === 0 || e.position > events[i - 1]!.position), 'log order');
    const logged = await store.readAll({ fromPosition: from, filter });
    t.same(ids, logged.map((e) => e.id), 'exactly the log, no gaps');
    t.equal(ids.length, expected);
  });

  t.test('ends the iteration on close()', async (t) => {
    const store = await storeFor(t, open);
    const subscription = store.subscribeToAll({
      fromPosition: await store.headPosition(),
      filter: { kind: 'category', categories: [uniqueCategory()] },
    });
    await collect(subscription, caughtUp);
    const ended = endsWithin(subscription);
    await subscription.close();
    t.ok(await ended, 'a waiting consumer is released');
  });

  t.test('ends when the consumer breaks out of the loop', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    await store.appendToStream(streamOf(category), newEvents(3));
    const subscription = store.subscribeToAll({ filter: { kind: 'category', categories: [category] } });
    let seen = 0;
    for await (const message of subscription) {
      seen += message.kind === 'event' ? 1 : 0;
      if (seen === 1) break;
    }
    t.ok(await endsWithin(subscription), 'nothing more after break');
  });

  t.test('closing the store ends its subscriptions', async (t) => {
    const store = await open();
    const subscription = store.subscribeToAll({
      fromPosition: await store.headPosition(),
      filter: { kind: 'category', categories: [uniqueCategory()] },
    });
    await collect(subscription, caughtUp);
    const ended = endsWithin(subscription);
    await store.close();
    t.ok(await ended);
  });
}
