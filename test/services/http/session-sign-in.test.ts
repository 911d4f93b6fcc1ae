import t from 'tap';
import { culvert, people, testApp } from '../../support/test-app.js';
import { cookieFrom, fromTheApp, password, personWithPassword, sessionOf, signIn, withCookie } from '../accounts/sign-in-fixtures.js';

const person = { sub: 'staff-zhao', role: 'staff', name: 'Zhao Min', stations: ['st-baichehe'] } as const;

t.test('session › signing in sets an httpOnly, same-site cookie that then works like a token', async (t) => {
  const test = await testApp(t);
  await personWithPassword(test, person);
  const res = await signIn(test.app, 'Staff-Zhao ', password);
  t.equal(res.statusCode, 200, res.body);
  t.same(res.json(), { account: 'staff-zhao', name: 'Zhao Min', role: 'staff', mustChangePassword: false });
  const set = String(res.headers['set-cookie']);
  t.match(set, /^huiyin_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/, 'no Secure over plain http');
  t.equal(res.headers['cache-control'], 'no-store');
  const cookie = cookieFrom(res);
  const me = await withCookie(test.app, cookie, 'GET', '/api/session');
  t.equal(me.statusCode, 200);
  t.same(me.json(), { sub: 'staff-zhao', name: 'Zhao Min', role: 'staff', stations: ['st-baichehe'], area: null, mustChangePassword: false });
  t.equal((await withCookie(test.app, cookie, 'GET', '/api/cases')).statusCode, 200, 'reads with the cookie');
  const opened = await withCookie(test.app, cookie, 'POST', '/api/cases', culvert);
  t.equal(opened.statusCode, 201, opened.body);
  const [received] = await test.store.readStream(`case-${opened.json().id}`);
  t.match(received?.metadata, { actor: { id: 'staff-zhao', role: 'staff' } }, 'recorded as the person signed in');
  t.equal((await test.app.inject('/api/session')).statusCode, 401, 'no cookie, nobody');
});

t.test('session › the cookie is Secure when the request came over https', async (t) => {
  const test = await testApp(t, { limits: { trustProxy: true } });
  await personWithPassword(test, person);
  const res = await signIn(test.app, person.sub, password, { ...fromTheApp, 'x-forwarded-proto': 'https' });
  t.match(String(res.headers['set-cookie']), /; Secure$/);
});

t.test('session › a write signed by the cookie without X-Huiyin-Request is refused and changes nothing', async (t) => {
  const test = await testApp(t);
  await personWithPassword(test, person);
  const cookie = await sessionOf(test.app, person.sub);
  const before = await test.store.headPosition();
  const forged = await withCookie(test.app, cookie, 'POST', '/api/cases', culvert, {});
  t.equal(forged.statusCode, 403);
  t.equal(forged.json().code, 'AUTH.CSRF');
  t.equal(forged.headers['content-type'], 'application/problem+json; charset=utf-8');
  const wrongValue = await withCookie(test.app, cookie, 'POST', '/api/cases', culvert, { 'x-huiyin-request': 'yes' });
  t.equal(wrongValue.statusCode, 403);
  const signOut = await withCookie(test.app, cookie, 'DELETE', '/api/session', undefined, {});
  t.equal(signOut.statusCode, 403, 'signing out needs it too');
  t.equal(await test.store.headPosition(), before, 'nothing written');
  t.equal((await withCookie(test.app, cookie, 'GET', '/api/session')).statusCode, 200, 'the session is still open');

  const noHeader = await signIn(test.app, person.sub, password, {});
  t.equal(noHeader.statusCode, 403, 'a cross-site form cannot sign anyone in');
  t.equal(noHeader.json().code, 'AUTH.CSRF');
  t.notOk(noHeader.headers['set-cookie']);
  t.equal(await test.store.headPosition(), before, 'nothing written');
});

t.test('session › bearer tokens work as before: no X-Huiyin-Request needed, and a cookie beside one is ignored', async (t) => {
  const test = await testApp(t);
  const opened = await test.call(people.staff, 'POST', '/api/cases', culvert);
  t.equal(opened.statusCode, 201, opened.body);
  await personWithPassword(test, person);
  const cookie = await sessionOf(test.app, person.sub);
  const both = await test.app.inject({ method: 'GET', url: '/api/session', headers: { ...(await test.auth(people.staff)), cookie } });
  t.equal(both.json().sub, people.staff.sub, 'the token decides');
  const badToken = await test.app.inject({ method: 'GET', url: '/api/session', headers: { authorization: 'Bearer nonsense', cookie } });
  t.equal(badToken.statusCode, 401, 'a bad token is not rescued by a cookie');
  const me = await test.call(people.staff, 'GET', '/api/session');
  t.same(me.json(), { sub: 'staff-baichehe', name: 'staff-baichehe', role: 'staff', stations: ['st-baichehe'], area: null, mustChangePassword: false });
});

t.test('session › an unknown account and a wrong password get the same answer', async (t) => {
  const test = await testApp(t);
  await personWithPassword(test, person);
  const attempt = async (account: string) => ({ res: await signIn(test.app, account, 'not the password') });
  const wrong = [await attempt(person.sub), await attempt(person.sub)];
  const unknown = [await attempt('nobody-here'), await attempt('nobody-either')];
  const withoutPassword = { sub: 'staff-new', role: 'staff' } as const;
  await test.auth(withoutPassword);
  const noPassword = await attempt(withoutPassword.sub);
  const shape = (r: { res: { statusCode: number; json(): Record<string, unknown> } }) => {
    const { requestId: _id, instance: _at, ...rest } = r.res.json();
    return { status: r.res.statusCode, ...rest };
  };
  for (const other of [...unknown, noPassword, wrong[1]!]) t.same(shape(other), shape(wrong[0]!));
  t.equal(wrong[0]!.res.json().code, 'AUTH.UNAUTHENTICATED');
  t.notMatch(wrong[0]!.res.body, person.sub, 'the answer does not echo the account');
  // That each refusal did the same scrypt work is counted in test/services/accounts/same-work.test.ts.
});
