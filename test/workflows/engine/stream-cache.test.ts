import fc from 'fast-check';
import t from 'tap';
import { StreamCache } from '../../../workflows/engine/stream-cache.js';
import type { FoldedStream } from '../../../workflows/engine/fold.js';

const stream = (streamName: string, revision = 0) => ({ streamName, revision }) as FoldedStream;

t.test('stream cache › never holds more than its capacity, and keeps what was used last', async () => {
  await fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 12 }),
      fc.array(fc.record({ put: fc.boolean(), name: fc.integer({ min: 0, max: 20 }) }), { maxLength: 200 }),
      (capacity, steps) => {
        const cache = new StreamCache(capacity);
        for (const step of steps) {
          if (step.put) cache.put(stream(`s-${step.name}`));
          else cache.get(`s-${step.name}`);
          if (cache.size > capacity) throw new Error(`holds ${cache.size} > ${capacity}`);
        }
        const last = steps.findLast((step) => step.put);
        if (last && !cache.get(`s-${last.name}`)) throw new Error('the stream put last is gone');
      },
    ),
  );
});

t.test('stream cache › a stream in use survives a run of others that fills half the cache', async (t) => {
  const cache = new StreamCache(8);
  cache.put(stream('hot'));
  for (let i = 0; i < 20; i++) {
    cache.put(stream(`cold-${i}`));
    t.ok(cache.get('hot'), `still there after ${i + 1} others`);
  }
  t.notOk(cache.get('cold-0'), 'an early stream used once is dropped');
  t.ok(cache.get('cold-19'));
});

t.test('stream cache › keeps the further-folded state, and tells how fresh it is', async (t) => {
  let now = 1000;
  const cache = new StreamCache(4, () => now);
  cache.put(stream('a', 5));
  cache.put(stream('a', 3));
  t.equal(cache.get('a')?.revision, 5, 'an older fold does not replace a newer one');
  now += 1500;
  t.ok(cache.fresh('a', 2000));
  t.notOk(cache.fresh('a', 1000), 'older than asked for');
  const none = new StreamCache(0);
  none.put(stream('a'));
  t.equal(none.size, 0, 'capacity 0 caches nothing');
});
