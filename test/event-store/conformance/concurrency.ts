import fc from 'fast-check';
import type { Test } from 'tap';
import type { AppendResult, EventData, EventStore, ExpectedRevision } from '../../../contracts/event-store.js';
import { newEvent, newEvents, storeFor, streamIds, streamOf, uniqueCategory, type OpenStore } from './helpers.js';

const WRONG = 'STORE.WRONG_EXPECTED_REVISION';

interface Attempt {
  stream: string;
  events: EventData[];
  expectedRevision: ExpectedRevision;
  outcome?: PromiseSettledResult<AppendResult>;
}

/** Rules every adapter keeps however appends race: see the assertions below. */
async function checkRace(t: Test, store: EventStore, attempts: Attempt[]): Promise<void> {
  const byStream = new Map<string, Attempt[]>();
  for (const attempt of attempts) byStream.set(attempt.stream, [...(byStream.get(attempt.stream) ?? []), attempt]);
  for (const [stream, mine] of byStream) {
    const logged = await store.readStream(stream).catch(() => []);
    t.ok(logged.every((e, i) => e.revision === i), `${stream}: gapless`);
    const won = mine.filter((a) => a.outcome?.status === 'fulfilled');
    t.equal(logged.length, won.reduce((n, a) => n + a.events.length, 0), `${stream}: only winners wrote`);
    for (const attempt of won) {
      const result = (attempt.outcome as PromiseFulfilledResult<AppendResult>).value;
      const first = result.nextExpectedRevision - attempt.events.length + 1;
      const landed = logged.slice(first, result.nextExpectedRevision + 1);
      t.same(landed.map((e) => e.id), attempt.events.map((e) => e.id), 'written where reported');
      if (attempt.events.length > 0) t.equal(landed.at(-1)?.position, result.position);
      const expected = attempt.expectedRevision;
      if (typeof expected === 'number') t.equal(first, expected + 1, 'right after the expected revision');
      if (expected === 'no_stream') t.equal(first, 0, 'a new stream');
      if (expected === 'stream_exists') t.ok(first > 0, 'an existing stream');
    }
    for (const attempt of mine.filter((a) => a.outcome?.status === 'rejected')) {
      t.match((attempt.outcome as PromiseRejectedResult).reason, { code: WRONG });
    }
  }
}

async function race(store: EventStore, attempts: Attempt[]): Promise<void> {
  const outcomes = await Promise.allSettled(
    attempts.map((a) => store.appendToStream(a.stream, a.events, { expectedRevision: a.expectedRevision })),
  );
  outcomes.forEach((outcome, i) => (attempts[i]!.outcome = outcome));
}

const expectation = fc.oneof(
  fc.constantFrom<ExpectedRevision>('any', 'no_stream', 'stream_exists'),
  fc.integer({ min: 0, max: 4 }),
);

export function concurrencyRules(t: Test, open: OpenStore): void {
  t.test('gives many concurrent appends across streams gapless revisions', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    const attempts: Attempt[] = Array.from({ length: 300 }, (_, n) => ({
      stream: streamOf(category, `s${n % 10}`),
      events: newEvents(1 + (n % 3)),
      expectedRevision: 'any',
    }));
    await race(store, attempts);
    t.ok(attempts.every((a) => a.outcome?.status === 'fulfilled'), 'all succeed');
    await checkRace(t, store, attempts);
    const positions = attempts.map((a) => (a.outcome as PromiseFulfilledResult<AppendResult>).value.position);
    t.equal(new Set(positions).size, positions.length, 'distinct positions');
  });

  t.test('lets exactly one of many conflicting appends win', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    await store.appendToStream(stream, [newEvent()]);
    const attempts: Attempt[] = Array.from({ length: 20 }, () => ({ stream, events: [newEvent()], expectedRevision: 0 }));
    await race(store, attempts);
    const won = attempts.filter((a) => a.outcome?.status === 'fulfilled');
    t.equal(won.length, 1);
    for (const lost of attempts.filter((a) => a.outcome?.status === 'rejected')) {
      t.match((lost.outcome as PromiseRejectedResult).reason, { code: WRONG, expected: 0, actual: 1 });
    }
    t.same((await streamIds(store, stream)).slice(1), [won[0]!.events[0]!.id]);
  });

  t.test('lets exactly one of many no_stream appends create the stream', async (t) => {
    const store = await storeFor(t, open);
    const stream = streamOf(uniqueCategory());
    const attempts: Attempt[] = Array.from({ length: 20 }, () => ({ stream, events: newEvents(2), expectedRevision: 'no_stream' }));
    await race(store, attempts);
    t.equal(attempts.filter((a) => a.outcome?.status === 'fulfilled').length, 1);
    await checkRace(t, store, attempts);
  });

  t.test('rejects a failing append alone while others race it', async (t) => {
    const store = await storeFor(t, open);
    const category = uniqueCategory();
    const [good, conflicting, invalid] = ['good', 'conflict', 'invalid'].map((n) => streamOf(category, n));
    const results = await Promise.allSettled([
      store.appendToStream(good!, [newEvent()]),
      store.appendToStream(conflicting!, [newEvent()], { expectedRevision: 3 }),
      store.appendToStream(invalid!, [{ ...newEvent(), id: 'nope' }]),
      store.appendToStream(good!, [newEvent()]),
    ]);
    t.same(results.map((r) => r.status), ['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    t.equal((await store.readStream(good!)).length, 2);
  });

  t.test('keeps every rule for any mix of racing appends (property)', async (t) => {
    const store = await storeFor(t, open);
    const attemptShape = fc.record({
      stream: fc.integer({ min: 0, max: 3 }),
      count: fc.integer({ min: 0, max: 3 }),
      expectedRevision: expectation,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(attemptShape, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }), async (waves) => {
        const category = uniqueCategory();
        const attempts: Attempt[] = [];
        for (const wave of waves) {
          const batch = wave.map((a) => ({
            stream: streamOf(category, `s${a.stream}`),
            events: newEvents(a.count),
            expectedRevision: a.expectedRevision,
          }));
          await race(store, batch);
          attempts.push(...batch);
        }
        await checkRace(t, store, attempts);
      }),
      { numRuns: 30 },
    );
  });
}
