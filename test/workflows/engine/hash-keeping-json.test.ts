import fc from 'fast-check';
import t from 'tap';
import { hashEvent, hashEventKeepingJson } from '../../../workflows/engine/hash-chain.js';

// Canonical JSON leaves out own "__proto__" keys (as the replacer it replaced
// did); command data never holds one: bodies carrying it are refused as
// prototype poisoning and command schemas are strict.
const noProto = (value: unknown) => !JSON.stringify(value).includes('"__proto__"');

const content = fc.record({
  streamName: fc.string({ minLength: 1 }),
  revision: fc.nat(),
  type: fc.string({ minLength: 1 }),
  data: fc.dictionary(fc.string(), fc.jsonValue()).filter(noProto),
  metadata: fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }).filter(noProto),
});

t.test('hash keeping JSON › the same hash as hashEvent, and JSON that parses back to data and metadata', async (t) => {
  await fc.assert(
    fc.property(content, (c) => {
      const kept = hashEventKeepingJson(c);
      if (kept.hash !== hashEvent(c)) throw new Error('hash differs from hashEvent');
      t.same(JSON.parse(kept.data), JSON.parse(JSON.stringify(c.data)));
      t.same(JSON.parse(kept.metadata), JSON.parse(JSON.stringify(c.metadata)));
    }),
    { numRuns: 300 },
  );
});
