import t from 'tap';
import { registerAccount } from '../support/accounts.js';
import { openEsdbEventStore } from '../../services/event-store/esdb/index.js';
import { buildApp } from '../../services/http/app.js';
import { tokenService } from '../../services/http/auth/tokens.js';
import { startEsdbTestServer } from '../support/esdb-wire/server.js';

t.test('http service on eventstoredb › when the store drops mid-run', async (t) => {
  const server = await startEsdbTestServer();
  const store = await openEsdbEventStore({ url: server.url });
  const tokens = tokenService('test-secret');
  const app = await buildApp({ store, tokens });
  t.teardown(async () => {
    await app.close();
    await store.close();
    await server.close();
  });
  await registerAccount(store, { id: 'admin-1', name: 'Administrator', role: 'admin' });
  const admin = { authorization: `Bearer ${tokens.sign({ sub: 'admin-1' })}` };
  const register = () =>
    app.inject({
      method: 'POST',
      url: '/api/areas',
      headers: { ...admin, 'idempotency-key': 'register-shuicheng' },
      payload: { code: '520221', name: 'Shuicheng District' },
    });

  t.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200, 'ready while the store answers');
  await server.stop();

  const refused = await register();
  t.equal(refused.statusCode, 503, 'a command fails as unavailable');
  t.equal(refused.headers['retry-after'], '1', 'and says when to try again');
  t.match(refused.json(), { code: 'STORE.UNAVAILABLE' });
  t.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 503, 'not ready');

  await server.start();
  const deadline = Date.now() + 10_000;
  let accepted = await register();
  while (accepted.statusCode === 503 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    accepted = await register();
  }
  t.equal(accepted.statusCode, 201, 'the retried command goes through once the store is back');
  t.equal((await register()).statusCode, 201, 'and a second retry with the key changes nothing');
  const listed = await app.inject({ method: 'GET', url: '/api/areas', headers: admin });
  t.equal(listed.statusCode, 200);
  t.same(listed.json().items.map((a: { code: string }) => a.code), ['520221'], 'the read model recovered too');
  const written = server.log.records.filter((record) => record.streamName.endsWith('520221'));
  t.equal(written.length, 1, 'written once');
});
