import t from 'tap';
import { people, testApp } from '../../support/test-app.js';
import { cookieFrom, fromTheApp, password, personWithPassword, sessionOf, signIn, withCookie } from '../accounts/sign-in-fixtures.js';

const person = { sub: 'dep-sun-lihua', role: 'deputy', name: 'Sun Li', stations: ['st-panlong'] } as const;
const first = 'given-by-admin-1';
const mine = 'my own pass phrase';

t.test('session › an administrator’s password must be changed before anything but the session routes', async (t) => {
  const test = await testApp(t);
  await test.auth(person);
  const set = await test.call(people.admin, 'POST', `/api/accounts/${person.sub}/password`, { password: first });
  t.equal(set.statusCode, 200, set.body);
  t.same(set.json(), { account: person.sub, mustChangePassword: true });
  const signedIn = await signIn(test.app, person.sub, first);
  t.equal(signedIn.json().mustChangePassword, true);
  const cookie = cookieFrom(signedIn);
  const blocked = await withCookie(test.app, cookie, 'GET', '/api/cases');
  t.equal(blocked.statusCode, 403);
  t.equal(blocked.json().code, 'AUTH.PASSWORD_CHANGE_REQUIRED');
  t.equal((await withCookie(test.app, cookie, 'GET', '/api/session')).json().mustChangePassword, true, 'who am I still answers');

  const wrongCurrent = await withCookie(test.app, cookie, 'POST', '/api/session/password', { current: 'not it at all', next: mine });
  t.equal(wrongCurrent.statusCode, 400);
  t.match(wrongCurrent.json().errors, [{ in: 'body', path: 'current' }]);
  const asId = await withCookie(test.app, cookie, 'POST', '/api/session/password', { current: first, next: 'DEP-SUN-LIHUA' });
  t.match(asId.json().errors, [{ in: 'body', path: 'next', message: 'must not be the account id' }], 'the id, in any case');
  const same = await withCookie(test.app, cookie, 'POST', '/api/session/password', { current: first, next: first });
  t.match(same.json().errors, [{ path: 'next', message: 'must differ from the current password' }]);

  const changed = await withCookie(test.app, cookie, 'POST', '/api/session/password', { current: first, next: mine });
  t.equal(changed.statusCode, 200, changed.body);
  t.same(changed.json(), { account: person.sub, name: 'Sun Li', role: 'deputy', mustChangePassword: false });
  const renewed = cookieFrom(changed);
  t.not(renewed, cookie, 'a new session replaces the one the password was changed in');
  t.equal((await withCookie(test.app, cookie, 'GET', '/api/session')).statusCode, 401, 'the old session ended');
  t.equal((await withCookie(test.app, renewed, 'GET', '/api/cases')).statusCode, 200, 'the new one may do what a deputy may');
  t.equal((await signIn(test.app, person.sub, first)).statusCode, 401, 'the old password no longer works');
  t.equal((await signIn(test.app, person.sub, mine)).json().mustChangePassword, false);
  const events = await test.store.readStream(`credentials-${person.sub}`);
  t.match(events.map((e) => [e.type, e.data.setBy]), [['PasswordSet', 'admin-1'], ['SignedIn'], ['SignInFailed'], ['PasswordSet', person.sub], ['SignedIn'], ['SignInFailed'], ['SignedIn']]);
});

t.test('session › changing the password needs the session cookie and counts wrong current passwords', async (t) => {
  const test = await testApp(t);
  await personWithPassword(test, person);
  const byToken = await test.call(person, 'POST', '/api/session/password', { current: password, next: mine });
  t.equal(byToken.statusCode, 401, 'a bearer token has no password session');
  const cookie = await sessionOf(test.app, person.sub);
  for (let i = 0; i < 5; i++) await withCookie(test.app, cookie, 'POST', '/api/session/password', { current: `guess number ${i}`, next: mine });
  const locked = await withCookie(test.app, cookie, 'POST', '/api/session/password', { current: password, next: mine });
  t.equal(locked.statusCode, 429, 'an open session cannot be used to guess the password');
});

t.test('session › signing out ends the session: the same cookie is refused afterwards', async (t) => {
  const test = await testApp(t);
  await personWithPassword(test, person);
  const cookie = await sessionOf(test.app, person.sub);
  const other = await sessionOf(test.app, person.sub);
  const out = await withCookie(test.app, cookie, 'DELETE', '/api/session');
  t.equal(out.statusCode, 200);
  t.same(out.json(), { signedOut: true });
  t.match(String(out.headers['set-cookie']), /^huiyin_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict/);
  t.equal((await withCookie(test.app, cookie, 'GET', '/api/session')).statusCode, 401);
  t.equal((await withCookie(test.app, cookie, 'GET', '/api/cases')).statusCode, 401);
  t.equal((await withCookie(test.app, other, 'GET', '/api/session')).statusCode, 200, 'another session of the same person goes on');
  t.same((await withCookie(test.app, cookie, 'DELETE', '/api/session')).json(), { signedOut: false }, 'twice is harmless');
  const last = (await test.store.readStream(`credentials-${person.sub}`)).at(-1);
  t.equal(last?.type, 'SignedOut');
  t.equal((await withCookie(test.app, 'huiyin_session=forged~AAAA', 'GET', '/api/session')).statusCode, 401, 'a made-up cookie is nobody');
});

t.test('session › switching the account off, revoking its tokens or resetting its password ends its sessions', async (t) => {
  const test = await testApp(t);
  await personWithPassword(test, person);
  for (const [what, end] of [
    ['revoked', () => test.call(people.admin, 'POST', `/api/accounts/${person.sub}/revoke-tokens`)],
    ['reset', () => test.call(people.admin, 'POST', `/api/accounts/${person.sub}/password`, { password: 'a new one for you' })],
    ['switched off', () => test.call(people.admin, 'PATCH', `/api/accounts/${person.sub}`, { active: false })],
  ] as const) {
    const cookie = await sessionOf(test.app, person.sub, what === 'switched off' ? 'a new one for you' : password);
    // Revocation compares whole seconds: the session must be older than the revocation.
    if (what === 'revoked') await new Promise((resolve) => setTimeout(resolve, 1100));
    t.equal((await end()).statusCode, 200, what);
    t.equal((await withCookie(test.app, cookie, 'GET', '/api/session')).statusCode, 401, `${what}: refused`);
  }
  t.equal((await signIn(test.app, person.sub, 'a new one for you')).statusCode, 401, 'a switched-off account cannot sign in');
});

t.test('session › only an administrator sets passwords, only for people, and bad bodies name every field', async (t) => {
  const test = await testApp(t);
  await test.auth(person);
  t.equal((await test.call(people.staff, 'POST', `/api/accounts/${person.sub}/password`, { password: first })).statusCode, 403);
  const weak = await test.call(people.admin, 'POST', `/api/accounts/${person.sub}/password`, { password: '1234567890123', extra: 1 });
  t.equal(weak.statusCode, 400);
  t.same(weak.json().errors.map((e: { path: string }) => e.path).sort(), ['extra', 'password']);
  t.match(weak.json().errors, [{ in: 'body', path: 'password', message: /digits/ }]);
  t.match((await test.call(people.admin, 'POST', `/api/accounts/${person.sub}/password`, { password: 'short' })).json().errors, [{ path: 'password', message: /10/ }]);
  t.match((await test.call(people.admin, 'POST', `/api/accounts/${person.sub}/password`, { password: ' Dep-Sun-Lihua ' })).json().errors, [{ path: 'password' }]);
  t.equal((await test.call(people.admin, 'POST', '/api/accounts/nobody/password', { password: first })).statusCode, 404);
  await test.app.directory.register('account', { id: 'bot-1', name: 'Bot', kind: 'client', role: 'staff' }, { id: 'test-setup', role: 'system' }, { now: new Date().toISOString() });
  const client = await test.call(people.admin, 'POST', '/api/accounts/bot-1/password', { password: first });
  t.equal(client.statusCode, 400);
  t.match(client.json().errors, [{ in: 'path', path: 'id' }]);

  const bad = await test.app.inject({ method: 'POST', url: '/api/session', headers: fromTheApp, payload: { account: 'Not An Id!', password: '', remember: true } });
  t.equal(bad.statusCode, 400);
  t.same(bad.json().errors.map((e: { path: string }) => e.path).sort(), ['account', 'password', 'remember']);
  const cookie = await (async () => {
    await test.app.credentials.setPassword({ id: 'test-setup', role: 'system' }, person.sub, password, false);
    return sessionOf(test.app, person.sub);
  })();
  const badChange = await withCookie(test.app, cookie, 'POST', '/api/session/password', { next: '12345678901' });
  t.same(badChange.json().errors.map((e: { path: string }) => e.path).sort(), ['current', 'next']);
});
