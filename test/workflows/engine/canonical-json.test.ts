import { createHash } from 'node:crypto';
import fc from 'fast-check';
import t from 'tap';
import { canonicalJson, deriveEventId, hashEvent } from '../../../workflows/engine/hash-chain.js';

/**
 * The serializer canonicalJson replaced. Every hash already stored was made
 * from its output, so the two must agree byte for byte on anything it accepts.
 */
function referenceSortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}
function referenceCanonicalJson(value: unknown): string {
  return JSON.stringify(value, referenceSortedKeys) ?? 'null';
}

/** The output, or the kind of error, so inputs both reject also count as agreeing. */
function outcome(serialize: (value: unknown) => string, value: unknown): string {
  try {
    return serialize(value);
  } catch (error) {
    return `threw ${(error as Error).name}`;
  }
}

function agrees(value: unknown): boolean {
  return outcome(canonicalJson, value) === outcome(referenceCanonicalJson, value);
}

const strings = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

/** Values JSON.stringify treats specially, nested in objects and arrays. */
const awkward = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.constant(Symbol('s')),
    fc.date(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    strings,
  ),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 5 }),
  object: fc.dictionary(strings, tie('node'), { maxKeys: 6 }),
}));

t.test('canonical JSON › equals the replacer version on JSON values', async () => {
  fc.assert(fc.property(fc.jsonValue(), agrees), { numRuns: 500 });
  fc.assert(fc.property(fc.jsonValue({ noUnicodeString: false }), agrees), { numRuns: 300 });
});

t.test('canonical JSON › equals the replacer version with undefined, functions, symbols, Dates, NaN', async () => {
  fc.assert(fc.property(awkward.node, agrees), { numRuns: 500 });
});

t.test('canonical JSON › equals the replacer version on arbitrary JS values', async () => {
  const anything = fc.anything({
    key: strings,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
    withBigInt: true,
  });
  fc.assert(fc.property(anything, agrees), { numRuns: 500 });
});

t.test('canonical JSON › edge cases spelled out', async (t) => {
  const protoKey = JSON.parse('{"b":1,"__proto__":{"x":1},"a":2}') as unknown;
  const cases: [string, unknown][] = [
    ['top-level undefined', undefined],
    ['top-level function', () => 1],
    ['undefined in objects and arrays', { a: undefined, b: [undefined, () => 1, Symbol('s')], c: 1 }],
    ['nested arrays with undefined', [[undefined], [[undefined, 1]], []]],
    ['Dates, valid and not', { at: new Date('2026-06-13T09:00:00Z'), bad: new Date(Number.NaN) }],
    ['non-finite numbers and -0', [Number.NaN, Infinity, -Infinity, -0, 1e21, 5e-324]],
    ['escapes and lone surrogates', ['"\\\n\u0000\u001f\u007f\u2028', '\ud800', 'a\udc00b', '😀', '中文']],
    ['boxed primitives', [new String('ab'), new Number(1), new Boolean(false)]],
    ['an own __proto__ key', protoKey],
    ['keys in code-unit order', { b: 1, B: 2, _: 3, é: 6, '😀': 7, '\uffff': 8, '': 9 }],
    ['array-index keys', { '4294967295': 1, '4294967294': 2, '10': 3, '9': 4, '01': 5, '-1': 6, '0': 7 }],
    ['many keys', Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${(i * 7) % 40}`, i]))],
    ['null prototype', Object.assign(Object.create(null) as object, { b: 1, a: 2 })],
    ['a Buffer', { buf: Buffer.from('hi') }],
  ];
  for (const [name, value] of cases) t.equal(canonicalJson(value), referenceCanonicalJson(value), name);
  t.throws(() => canonicalJson({ a: 1n }), TypeError, 'bigint throws as before');
  t.equal(canonicalJson({ b: 1, '10': 2, '9': 3, a: 4 }), '{"9":3,"10":2,"a":4,"b":1}', 'index keys first, as objects list them');
});

t.test('canonical JSON › toJSON is called once, with the key it is written under', async (t) => {
  const seen: string[] = [];
  const tagged = { toJSON: (key: string) => (seen.push(key), { key, z: 1, a: [key] }) };
  const value = { top: tagged, list: [tagged, 0, tagged] };
  const expected = referenceCanonicalJson(value);
  t.same(seen.splice(0), ['0', '2', 'top']);
  t.equal(canonicalJson(value), expected);
  t.same(seen.splice(0), ['0', '2', 'top'], 'array positions get their index as a string');
  t.equal(canonicalJson(tagged), '{"a":[""],"key":"","z":1}', 'top level gets the empty key');
  t.same(seen, ['']);
});

t.test('hashes › unchanged from before the one-shot hash and the new serializer', async (t) => {
  const content = {
    streamName: 'case-1',
    revision: 2,
    type: 'CaseReceived',
    data: { summary: '村口道路涵洞堵塞', constituent: { phone: '13812345678', name: '王秀兰' }, tags: ['a', undefined, 2.5], note: undefined },
    metadata: { occurredAt: new Date('2026-06-13T09:00:00Z'), commandId: 'cmd-1', prevHash: '0'.repeat(64) },
  };
  t.equal(hashEvent(content), 'e802c289eff0a5ce134dec9b8009fac44429f9a395331166bcaa390e2f141916');
  t.equal(deriveEventId('case-1', 'cmd-1', 0), '82652fff-af09-893f-a336-719674160314');
  t.equal(deriveEventId('案件-7', 'cmd-2', 3), 'fa80618a-757d-8ca4-9d88-8a0a10f33c8e');
});

/** Event ids as they were first derived (from the digest's bytes); every stored id came from this. */
function referenceEventId(streamName: string, commandId: string, index: number): string {
  const h = createHash('sha256').update(`${streamName}\n${commandId}\n${index}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

t.test('derived event ids are the ones derived from the digest bytes', async (t) => {
  fc.assert(
    fc.property(fc.string(), fc.string(), fc.nat(20), (stream, command, index) => {
      const id = deriveEventId(stream, command, index);
      return id === referenceEventId(stream, command, index) && /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id);
    }),
    { numRuns: 2000 },
  );
  t.pass('2,000 random streams, commands and indices');
});
