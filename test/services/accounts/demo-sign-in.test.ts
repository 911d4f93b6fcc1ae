import t from 'tap';
import { systemPrincipal } from '../../../contracts/identity.js';
import { actorOf } from '../../../services/commands/envelope.js';
import { DEMO_PASSWORD } from '../../../services/demo/demo-sign-in.js';
import { demoDeputies, demoPeople } from '../../../services/demo/directory-data.js';
import { seedDemoIfNew } from '../../../services/startup.js';
import { testApp } from '../../support/test-app.js';
import { cookieFrom, signIn, withCookie } from './sign-in-fixtures.js';

t.test('demo › every demo person signs in with the demo password, and the sign-in page can list them', async (t) => {
  const test = await testApp(t, { seed: false });
  await seedDemoIfNew(test.app, test.store, test.app.log);
  const res = await test.app.inject('/api/session/demo-accounts');
  t.equal(res.statusCode, 200, res.body);
  const { password, accounts } = res.json();
  t.equal(password, DEMO_PASSWORD);
  const everyone = Object.keys(demoPeople).length + demoDeputies.length;
  t.equal(accounts.length, everyone, 'the demo’s staff, supervisors, administrator and deputies');
  t.match(accounts, [
    { id: 'admin-demo', name: '系统管理员', role: 'admin', label: null },
    { id: 'staff-baichehe', name: '王芳', role: 'staff', label: '百车河社区人大代表联络室、蟠龙镇人大代表联络站、代表之家（法那村）' },
  ]);
  t.match(accounts.find((a: { id: string }) => a.id === 'sup-shuicheng'), { role: 'supervisor', label: '水城区' });
  t.match(accounts.find((a: { id: string }) => a.id === 'dep-zhou-lan'), { name: '周兰', role: 'deputy', label: '百车河社区人大代表联络室、蟠龙镇人大代表联络站' });

  const signedIn = await signIn(test.app, 'sup-shuicheng', DEMO_PASSWORD);
  t.same(signedIn.json(), { account: 'sup-shuicheng', name: '陈刚', role: 'supervisor', mustChangePassword: false });
  const cases = await withCookie(test.app, cookieFrom(signedIn), 'GET', '/api/cases');
  t.equal(cases.statusCode, 200);
  t.ok(cases.json().items.length > 0, 'the supervisor sees the demo’s cases');

  // Someone who chose their own password is no longer listed with the demo's.
  await test.app.credentials.setPassword(actorOf(systemPrincipal('test-setup')), 'dep-he-xia', 'a private one now', false);
  const after = (await test.app.inject('/api/session/demo-accounts')).json();
  t.equal(after.accounts.length, everyone - 1);
  t.notOk(after.accounts.some((a: { id: string }) => a.id === 'dep-he-xia'));
});

t.test('demo › outside a demo there are no demo accounts: 404, and the demo password opens nothing', async (t) => {
  const test = await testApp(t);
  const res = await test.app.inject('/api/session/demo-accounts');
  t.equal(res.statusCode, 404);
  t.equal(res.json().code, 'HTTP.NOT_FOUND');
  t.equal((await signIn(test.app, 'admin-demo', DEMO_PASSWORD)).statusCode, 401);
});
