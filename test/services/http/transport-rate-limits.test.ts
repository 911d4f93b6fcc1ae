import type { LightMyRequestResponse } from 'fastify';
import t, { type Test } from 'tap';
import { bearer, transportApp } from './transport-app.js';

const limits = { rateLimitWindowMs: 60_000, rateLimitAnonymous: 5, rateLimitUser: 8, rateLimitAuthFailures: 3 };

function assertTooMany(t: Test, res: LightMyRequestResponse, what: string): void {
  t.equal(res.statusCode, 429, what);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.match(res.json(), { status: 429, code: 'HTTP.TOO_MANY_REQUESTS', title: 'Too many requests' });
  const retryAfter = Number(res.headers['retry-after']);
  t.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${res.headers['retry-after']} is the rest of the window`);
}

t.test('rate limits › without a token, an address gets the tighter limit, on every route and on 404s', async (t) => {
  const { app } = await transportApp(t, limits);
  const anonymous = (url: string, remoteAddress = '10.0.0.1') => app.inject({ method: 'GET', url, remoteAddress });
  const first = await Promise.all([1, 2, 3].map(() => anonymous('/healthz')).concat([anonymous('/no/such/route'), anonymous('/docs/json')]));
  t.same(first.map((r) => r.statusCode), [200, 200, 200, 404, 200], 'five requests pass');
  t.equal(first[0]!.headers['x-ratelimit-limit'], '5', 'and say what the limit is');
  assertTooMany(t, await anonymous('/healthz'), 'the sixth is refused');
  assertTooMany(t, await anonymous('/no/such/route'), 'a route that does not exist counts too');
  t.equal((await anonymous('/healthz', '10.0.0.2')).statusCode, 200, 'another address has its own count');
  t.equal((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.0.0.1', headers: bearer('u-1') })).statusCode, 200, 'signed in, the same address is counted by subject');
});

t.test('rate limits › a signed-in subject is limited per subject, wherever it connects from', async (t) => {
  const { app } = await transportApp(t, limits);
  const as = (sub: string, remoteAddress: string) => app.inject({ method: 'GET', url: '/healthz', remoteAddress, headers: bearer(sub) });
  const passed = [];
  for (let i = 0; i < 8; i++) passed.push((await as('deputy-a', `10.1.0.${i}`)).statusCode);
  t.same(passed, Array(8).fill(200), 'eight requests from eight addresses pass (more than an address without a token gets)');
  assertTooMany(t, await as('deputy-a', '10.1.0.99'), 'the ninth is refused, from a fresh address too');
  t.equal((await as('deputy-b', '10.1.0.0')).statusCode, 200, 'another subject on the same address is not');
});

t.test('rate limits › after too many 401s an address is refused everything until its window ends', async (t) => {
  const { app } = await transportApp(t, limits);
  const withToken = (authorization: string, remoteAddress = '10.2.0.1') =>
    app.inject({ method: 'GET', url: '/healthz', remoteAddress, headers: { authorization } });
  const failures = [];
  for (let i = 0; i < 4; i++) failures.push((await withToken(`Bearer forged.token.${i}`)).statusCode);
  t.same(failures, [401, 401, 401, 401], 'four bad tokens are four 401s');
  assertTooMany(t, await withToken(bearer('admin-1').authorization), 'then even a good token from that address is refused');
  assertTooMany(t, await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.2.0.1' }), 'and so is a request without one');
  t.equal((await withToken(bearer('admin-1').authorization, '10.2.0.2')).statusCode, 200, 'other addresses are not affected');
  const fewer = [];
  for (let i = 0; i < 3; i++) fewer.push((await withToken(`Bearer forged.${i}`, '10.2.0.3')).statusCode);
  t.same(fewer, [401, 401, 401], 'three failures are within the limit');
  t.equal((await withToken(bearer('admin-1').authorization, '10.2.0.3')).statusCode, 200, 'and do not block');
});

t.test('rate limits › a 401 to a request that carried no credential is no guess, and blocks nobody', async (t) => {
  const { app } = await transportApp(t, { ...limits, rateLimitAnonymous: 50 });
  const asked = [];
  // A page asking whether anyone is signed in, as the web app does on every load.
  for (let i = 0; i < 6; i++) asked.push((await app.inject({ method: 'GET', url: '/api/session', remoteAddress: '10.4.0.1' })).statusCode);
  t.same(asked, [401, 401, 401, 401, 401, 401], 'nobody is signed in, six times');
  t.equal((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.4.0.1' })).statusCode, 200, 'and the address is not blocked');
  const cookies = [];
  for (let i = 0; i < 4; i++) {
    cookies.push((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.4.0.2', headers: { authorization: `Bearer forged.${i}`, cookie: 'a=b' } })).statusCode);
  }
  t.same(cookies, [401, 401, 401, 401]);
  assertTooMany(t, await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.4.0.2' }), 'refused credentials still count');
});

t.test('rate limits › a refusal lifts when its window ends', async (t) => {
  const { app } = await transportApp(t, { ...limits, rateLimitWindowMs: 300 });
  const get = (authorization?: string) =>
    app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.3.0.1', headers: authorization ? { authorization } : {} });
  for (let i = 0; i < 4; i++) await get('Bearer forged');
  t.equal((await get()).statusCode, 429, 'blocked after the failures');
  await new Promise((resolve) => setTimeout(resolve, 350));
  t.equal((await get()).statusCode, 200, 'free again once the window has passed');
});
