import t from 'tap';
import { culvert, people, testApp } from '../../support/test-app.js';

// An Idempotency-Key is bound to the request it first came with: the same
// key with another body, another target or another action is refused, even
// when fifty such requests arrive at once.
t.test('idempotency › a key reused with another body is 422 and writes nothing', async (t) => {
  const { call, store, openCase } = await testApp(t);
  const key = { 'idempotency-key': 'form-2026-06-13-001' };
  const first = await call(people.staff, 'POST', '/api/cases', culvert, key);
  t.equal(first.statusCode, 201);
  const head = await store.headPosition();
  const other = await call(people.staff, 'POST', '/api/cases', { ...culvert, summary: 'A different matter' }, key);
  t.equal(other.statusCode, 422);
  t.match(other.json(), { code: 'IDEMPOTENCY.KEY_REUSED' });
  const again = await call(people.staff, 'POST', '/api/cases', culvert, key);
  t.equal(again.statusCode, 201, 'the same request still replays');
  t.equal(again.json().id, first.json().id);
  t.equal(again.headers['idempotent-replayed'], 'true');

  const { id } = await openCase();
  const note = { 'idempotency-key': 'note-1' };
  t.equal((await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'Called her' }, note)).statusCode, 200);
  const otherText = await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'Called him' }, note);
  t.equal(otherText.statusCode, 422, 'an action: another body');
  t.equal(await store.headPosition() > head, true);
  const before = await store.headPosition();
  t.equal((await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'Called her' }, note)).statusCode, 200);
  t.equal(await store.headPosition(), before, 'the replay wrote nothing');
});

t.test('idempotency › fifty concurrent requests, one key, two bodies: one case, the other body refused', async (t) => {
  const { call, store } = await testApp(t);
  const key = { 'idempotency-key': 'burst-1' };
  const bodies = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? culvert : { ...culvert, summary: `Another matter ${i % 4}` }));
  const answers = await Promise.all(bodies.map((body) => call(people.staff, 'POST', '/api/cases', body, key)));
  const created = answers.filter((a) => a.statusCode === 201);
  const refused = answers.filter((a) => a.statusCode === 422);
  t.equal(created.length + refused.length, 50, 'every answer is the case or a refusal');
  t.equal(new Set(created.map((a) => a.json().id)).size, 1, 'one case');
  const winner = created[0]!.json().summary;
  t.ok(created.every((a) => a.json().summary === winner), 'every success is the same request');
  t.equal(bodies.filter((b) => b.summary === winner).length, created.length, 'and every request with that body succeeded');
  const events = await store.readStream(`case-${created[0]!.json().id}`);
  t.same(events.map((e) => e.type), ['CaseReceived'], 'the log holds one receipt');
});

t.test('idempotency › the same key from two people are two commands', async (t) => {
  const { call } = await testApp(t);
  const key = { 'idempotency-key': 'a:x' };
  const one = await call(people.staff, 'POST', '/api/cases', culvert, key);
  const two = await call({ sub: 'staff-baichehe-2', role: 'staff', stations: ['st-baichehe'] }, 'POST', '/api/cases', culvert, key);
  t.equal(one.statusCode, 201);
  t.equal(two.statusCode, 201);
  t.not(one.json().id, two.json().id);
});
