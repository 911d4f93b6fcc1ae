import t from 'tap';
import { people, testApp, tokenFor } from '../../support/test-app.js';
import { tokenService } from '../../../services/http/auth/tokens.js';

// Rights come from the directory as of each request: tokens only say who.
const header = (token: string) => ({ authorization: token });

t.test('rights › a deputy moved to another station loses the old station’s cases at once', async (t) => {
  const { app, call, openCase } = await testApp(t);
  const { id } = await openCase();
  const wen = people.deputyWen;
  t.equal((await call(wen, 'GET', `/api/cases/${id}`)).statusCode, 200, 'Wen serves Baichehe, where the case is');
  const token = tokenFor(wen);
  const moved = await call(people.admin, 'PATCH', '/api/deputies/dep-wen', { stationIds: ['st-panlong'] });
  t.equal(moved.statusCode, 200);
  const same = await app.inject({ url: `/api/cases/${id}`, headers: header(token) });
  t.equal(same.statusCode, 404, 'the same token, the next request: no longer his station');
});

t.test('rights › a supervisor whose area changes sees the new area’s cases, not the old', async (t) => {
  const { app, call, openCase } = await testApp(t);
  const { id } = await openCase();
  const token = tokenFor(people.supervisor);
  await call(people.supervisor, 'GET', '/api/areas');
  t.equal((await app.inject({ url: `/api/cases/${id}`, headers: header(token) })).statusCode, 200);
  const changed = await call(people.admin, 'PATCH', `/api/accounts/${people.supervisor.sub}`, { area: '520201' });
  t.equal(changed.statusCode, 200);
  t.equal((await app.inject({ url: `/api/cases/${id}`, headers: header(token) })).statusCode, 404);
});

t.test('rights › a switched-off account and a revoked token are refused; a new token works', async (t) => {
  const { app, call } = await testApp(t);
  await call(people.auditor, 'GET', '/api/areas');
  const before = tokenFor(people.auditor);
  t.equal((await app.inject({ url: '/api/accounts/aud-1', headers: header(tokenFor(people.admin)) })).statusCode, 200, 'an admin reads accounts');
  t.equal((await app.inject({ url: '/api/accounts/aud-1', headers: header(before) })).statusCode, 403, 'nobody else does');
  await new Promise((resolve) => setTimeout(resolve, 1100)); // tokens carry whole seconds
  const revoked = await call(people.admin, 'POST', '/api/accounts/aud-1/revoke-tokens');
  t.equal(revoked.statusCode, 200);
  const refused = await app.inject({ url: '/api/cases/nothing', headers: header(before) });
  t.equal(refused.statusCode, 401, 'the token issued before the revocation');
  t.match(refused.json(), { code: 'AUTH.UNAUTHENTICATED', detail: /revoked/ });
  await new Promise((resolve) => setTimeout(resolve, 1100));
  t.equal((await app.inject({ url: '/api/cases/nothing', headers: header(tokenFor(people.auditor)) })).statusCode, 404, 'a new token works');
  await call(people.admin, 'PATCH', '/api/accounts/aud-1', { active: false });
  t.match((await app.inject({ url: '/api/cases/nothing', headers: header(tokenFor(people.auditor)) })).json(), { code: 'AUTH.UNAUTHENTICATED', detail: /switched off/ });
});

t.test('rights › unknown subjects and over-long tokens are refused; an API client may hold a longer one', async (t) => {
  const { app, call } = await testApp(t);
  const tokens = tokenService('test-secret');
  t.equal((await app.inject({ url: '/api/cases/x', headers: header(`Bearer ${tokens.sign({ sub: 'nobody' })}`) })).statusCode, 401);
  await call(people.auditor, 'GET', '/api/areas');
  const long = `Bearer ${tokens.sign({ sub: 'aud-1' }, 13 * 3600)}`;
  t.match((await app.inject({ url: '/api/cases/x', headers: header(long) })).json(), { status: 401, detail: /at most 43200 s/ });
  const client = await call(people.admin, 'POST', '/api/accounts', { id: 'bot-1', name: 'Reporting client', kind: 'client', role: 'auditor' });
  t.equal(client.statusCode, 201);
  const week = `Bearer ${tokens.sign({ sub: 'bot-1' }, 7 * 86_400)}`;
  t.equal((await app.inject({ url: '/api/cases/x', headers: header(week) })).statusCode, 404, 'the client is signed in; the case does not exist');
});

t.test('rights › the history records the rights a command was allowed under', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase([['assign', { deputyIds: ['dep-li'] }]]);
  await call(people.deputyLi, 'POST', `/api/cases/${id}/acknowledge`);
  const history = (await call(people.auditor, 'GET', `/api/cases/${id}/history`)).json();
  t.match(history.events[0].metadata.actor, { id: 'staff-baichehe', role: 'staff', stations: ['st-baichehe'] });
  t.match(history.events[2].metadata.actor, { id: 'dep-li', role: 'deputy', name: 'Li Xianjian', stations: ['st-baichehe', 'st-panlong'] });
});
