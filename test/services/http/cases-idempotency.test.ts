import t from 'tap';
import { culvert, people, testApp } from '../../support/test-app.js';

const problem = 'application/problem+json; charset=utf-8';

t.test('idempotency › a retried create answers the first response and writes nothing', async (t) => {
  const { call, store } = await testApp(t);
  const key = { 'idempotency-key': 'form-2026-06-13-017' };
  const first = await call(people.staff, 'POST', '/api/cases', culvert, key);
  const head = await store.headPosition();
  const again = await call(people.staff, 'POST', '/api/cases', culvert, key);
  t.equal(again.statusCode, 201);
  t.equal(again.json().id, first.json().id);
  t.equal(again.headers['idempotent-replayed'], 'true');
  t.equal(await store.headPosition(), head, 'nothing written');
  const otherUser = await call({ ...people.staff, sub: 'staff-2' }, 'POST', '/api/cases', culvert, key);
  t.not(otherUser.json().id, first.json().id, 'keys are scoped per user');
});

t.test('idempotency › a retried action answers the case as it was then; a key reused for another action is 422', async (t) => {
  const { call, openCase, store } = await testApp(t);
  const { id } = await openCase();
  const noteKey = { 'idempotency-key': 'note-1' };
  const note = await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'called back' }, noteKey);
  await call(people.staff, 'POST', `/api/cases/${id}/accept`);
  const head = await store.headPosition();
  const retried = await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'called back' }, noteKey);
  t.equal(retried.statusCode, 200);
  t.equal(retried.headers['idempotent-replayed'], 'true');
  t.same(retried.json(), note.json(), 'the case as the first response showed it, not as it is now');
  const reused = await call(people.staff, 'POST', `/api/cases/${id}/decline`, { reason: 'x' }, noteKey);
  t.equal(reused.statusCode, 422);
  t.equal(reused.headers['content-type'], problem);
  t.equal(reused.json().code, 'IDEMPOTENCY.KEY_REUSED');
  t.equal(await store.headPosition(), head, 'neither the retry nor the reuse wrote');
});

t.test('limits › a body over 64 KiB is 413; a closed store is 503 with Retry-After and no internals', async (t) => {
  const { call, store, openCase } = await testApp(t);
  const { id } = await openCase();
  const big = await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'x'.repeat(70 * 1024) });
  t.equal(big.statusCode, 413);
  t.equal(big.headers['content-type'], problem);
  await store.close();
  const down = await call(people.staff, 'POST', `/api/cases/${id}/add-note`, { text: 'x' });
  t.equal(down.statusCode, 503);
  t.equal(down.headers['retry-after'], '1');
  t.notMatch(down.body, /at .*\.ts|node_modules|stack/);
});
