import fc from 'fast-check';
import t from 'tap';
import { caseCommandTypes } from '../../../contracts/case/commands.js';
import { culvert, people, testApp, type Who } from '../../support/test-app.js';

const anyJson = fc.oneof(
  fc.jsonValue(),
  fc.record({ ...Object.fromEntries(Object.keys(culvert).map((k) => [k, fc.jsonValue()])) }, { requiredKeys: [] }),
  fc.constant({ ...culvert, summary: 'x'.repeat(2001) }),
  fc.constant({ ...culvert, constituent: { name: 'A', phone: '1'.repeat(40) } }),
);
const caseId = fc.oneof(fc.string(), fc.uuid(), fc.constantFrom('..', '%00', 'a'.repeat(200), 'case-1', ''));
const action = fc.oneof(fc.constantFrom(...caseCommandTypes), fc.string({ maxLength: 20 }));
const header = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('"0"', '"99"', 'W/"1"', '*', '"-1"', '"1e3"'));
const who = fc.constantFrom(...(Object.values(people) as Who[]), undefined);

t.test('fuzz › odd bodies, headers and ids never get a 5xx and a 4xx never writes', async (t) => {
  const { app, auth, store, openCase } = await testApp(t);
  const real = await openCase();
  let fourHundreds = 0;
  await fc.assert(
    fc.asyncProperty(
      who,
      fc.oneof(caseId, fc.constant(real.id)),
      action,
      anyJson,
      fc.record({ 'if-match': header, 'idempotency-key': header, 'content-type': fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8') }, { requiredKeys: [] }),
      fc.boolean(),
      async (user, id, act, body, headers, create) => {
        const head = await store.headPosition();
        const url = create ? '/api/cases' : `/api/cases/${encodeURIComponent(id)}/${encodeURIComponent(act)}`;
        const payload = headers['content-type'] === 'text/plain' ? JSON.stringify(body) : JSON.stringify(body ?? null);
        const res = await app.inject({
          method: 'POST',
          url,
          headers: { ...(user ? auth(user) : {}), ...headers },
          payload,
        });
        if (res.statusCode >= 500) throw new Error(`${res.statusCode} for ${url}: ${res.body}`);
        if (res.statusCode >= 400) {
          fourHundreds++;
          if (!String(res.headers['content-type']).startsWith('application/problem+json')) throw new Error(`not a problem: ${res.body}`);
          if ((await store.headPosition()) !== head) throw new Error(`a ${res.statusCode} wrote to the store: ${url}`);
        }
      },
    ),
    { numRuns: 400 },
  );
  t.ok(fourHundreds > 300, `the fuzz reached the error paths (${fourHundreds} of 400)`);
});
