import fc from 'fast-check';
import t from 'tap';
import { caseActions, caseCommandTypes, type CaseAction } from '../../../contracts/case/commands.js';
import { bodies, culvert, inDays, people, testApp, type Who } from '../../support/test-app.js';

const oddId = fc.oneof(fc.string(), fc.uuid(), fc.constantFrom('..', '%00', 'a'.repeat(200), 'case-1', ''));
const oddAction = fc.oneof(fc.constantFrom(...caseCommandTypes), fc.string({ maxLength: 20 }));
const header = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('"0"', '"99"', 'W/"1"', '*', '"-1"', '"1e3"'));
const contentType = fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8');
const who = fc.constantFrom(...(Object.values(people) as Who[]), people.admin, people.supervisor, undefined);
const time = fc.oneof(fc.constantFrom(inDays(-40), inDays(-2), inDays(1), inDays(40), '2026-06-14T08:00:00+08:00'), fc.string());

/** A body each action takes, so that many requests get past the schemas into the rules and the workflow. */
const validFor = (caseIds: string[]): Record<CaseAction, fc.Arbitrary<unknown>> => ({
  accept: fc.constant({}),
  assign: fc.record({ deputyIds: fc.constantFrom(['dep-li'], ['dep-wen'], ['dep-luo'], ['dep-yue']) }),
  reassign: fc.record({ deputyIds: fc.constantFrom(['dep-li'], ['dep-wen', 'dep-li']) }),
  acknowledge: fc.constant({}),
  'schedule-site-check': fc.record({ at: time }),
  'complete-site-check': fc.constant(bodies.completeSiteCheck),
  refer: fc.constant({ agency: 'Roads office' }),
  'record-agency-reply': fc.constant({ agency: 'Roads office', reply: 'Scheduled' }),
  'note-progress': fc.constant({ text: 'Called the office' }),
  resolve: fc.constant(bodies.resolve),
  decline: fc.constant({ reason: 'Not for a deputy' }),
  'give-feedback': fc.constant(bodies.feedback),
  'record-follow-up': fc.constantFrom(bodies.goodFollowUp, bodies.poorFollowUp),
  close: fc.constantFrom({}, { reason: 'Overridden' }),
  reopen: fc.constant({ reason: 'Again' }),
  withdraw: fc.constant({}),
  merge: fc.record({ intoCaseId: fc.constantFrom(...caseIds, 'no-such-case') }),
  'add-note': fc.constant({ text: 'Called back' }),
  escalate: fc.record({ to: fc.constant('County office'), reason: fc.constant('Slow'), dueBy: time }),
});

/** Anything at all: JSON, a form with odd fields, one too long. */
const oddBody = fc.oneof(
  fc.jsonValue(),
  fc.record({ ...Object.fromEntries(Object.keys(culvert).map((k) => [k, fc.jsonValue()])) }, { requiredKeys: [] }),
  fc.constant({ ...culvert, summary: 'x'.repeat(2001) }),
  fc.record({ category: fc.constantFrom('roads', 'industry', 'potholes', '道路'), receivedAt: time }).map((extra) => ({ ...culvert, ...extra })),
);

const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);

t.test('fuzz › odd bodies, headers and ids never get a 5xx and a 4xx never writes', async (t) => {
  const { app, auth, store, openCase } = await testApp(t);
  const ids = await Promise.all([openCase(), openCase(), openCase([['assign', bodies.assign]]), openCase([['assign', bodies.assign], ['acknowledge']])]);
  const caseIds = ids.map((c) => c.id);
  const valid = validFor(caseIds);
  const request = fc.oneof(
    // An action on a real case with a body it takes (or an odd one).
    fc.record({
      url: fc.tuple(fc.constantFrom(...caseIds), fc.constantFrom(...caseActions)).map(([id, action]) => ({ id, action })),
      odd: fc.boolean(),
    }).chain(({ url, odd }) => fc.record({ url: fc.constant(`/api/cases/${url.id}/${url.action}`), body: odd ? oddBody : valid[url.action] })),
    // Anything at any case URL, or a new case.
    fc.record({ url: fc.tuple(oddId, oddAction).map(([id, action]) => `/api/cases/${encodeURIComponent(id)}/${encodeURIComponent(action)}`), body: oddBody }),
    fc.record({ url: fc.constant('/api/cases'), body: fc.oneof(oddBody, fc.constant(culvert)) }),
  );
  // Mostly plain requests, so that bodies get past the headers.
  const headers = fc.oneof(
    { weight: 2, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.record({ 'if-match': header, 'idempotency-key': header, 'content-type': contentType }, { requiredKeys: [] }) },
  );
  let fourHundreds = 0;
  const statuses = new Set<number>();
  await fc.assert(
    fc.asyncProperty(who, request, headers, async (user, { url, body }, extra) => {
      const head = await store.headPosition();
      const payload = JSON.stringify(body ?? null);
      // A JSON client by default; the headers may say otherwise.
      const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...(user ? await auth(user) : {}), ...extra }, payload });
      statuses.add(res.statusCode);
      if (res.statusCode >= 500) throw new Error(`${res.statusCode} for ${url}: ${res.body}`);
      if (res.statusCode >= 400) {
        fourHundreds++;
        if (!String(res.headers['content-type']).startsWith('application/problem+json')) throw new Error(`not a problem: ${res.body}`);
        if ((await store.headPosition()) !== head) throw new Error(`a ${res.statusCode} wrote to the store: ${url} ${payload}`);
      }
    }),
    // A fixed seed unless FUZZ_SEED names another: left to chance, about one
    // run in twenty drew no request that succeeds, and the check below failed.
    { numRuns: 600, seed: FUZZ_SEED },
  );
  t.ok(fourHundreds > 300, `the fuzz reached the error paths (${fourHundreds} of 600)`);
  const reached = [...statuses].sort().join(', ');
  t.ok([200, 201, 400, 401, 403, 404, 409].every((s) => statuses.has(s)), `past the schemas into the rules and the workflow: ${reached}`);
});
