import t from 'tap';
import { testApp } from '../../support/test-app.js';
import { password, personWithPassword, signIn } from '../accounts/sign-in-fixtures.js';

const person = { sub: 'staff-qian', role: 'staff', stations: ['st-baichehe'] } as const;

t.test('session › five wrong passwords lock the account, the right one too, across a restart', async (t) => {
  const first = await testApp(t);
  await personWithPassword(first, person);
  for (let i = 1; i <= 5; i++) t.equal((await signIn(first.app, person.sub, `wrong guess ${i}`)).statusCode, 401, `wrong password ${i}: 401`);
  const locked = await signIn(first.app, person.sub, password);
  t.equal(locked.statusCode, 429, 'the right password is refused while locked');
  t.equal(locked.json().code, 'AUTH.LOCKED');
  t.notOk(locked.headers['set-cookie']);
  const retryAfter = Number(locked.headers['retry-after']);
  t.ok(retryAfter > 55 && retryAfter <= 60, `locked for a minute (Retry-After ${retryAfter})`);
  const events = await first.store.readStream(`credentials-${person.sub}`);
  t.same(events.map((e) => e.type), ['PasswordSet', ...Array(5).fill('SignInFailed')], 'refusals while locked write nothing');
  t.same(Object.keys(events[0]!.data.hash as object).sort(), ['N', 'algorithm', 'key', 'p', 'r', 'salt']);
  t.notMatch(JSON.stringify(events), password, 'the password itself is stored nowhere');

  await first.close();
  const second = await testApp(t, { store: first.store, seed: false });
  const still = await signIn(second.app, person.sub, password);
  t.equal(still.statusCode, 429, 'a new instance folds the same lock from the events');
  t.ok(Number(still.headers['retry-after']) <= retryAfter);
});

t.test('session › made-up account ids lock as real ones do, so a lock tells nothing', async (t) => {
  const test = await testApp(t);
  const before = await test.store.headPosition();
  for (let i = 1; i <= 5; i++) t.equal((await signIn(test.app, 'nobody-at-all', `guess ${i}`)).statusCode, 401);
  const locked = await signIn(test.app, 'nobody-at-all', 'guess 6');
  t.equal(locked.statusCode, 429);
  t.equal(locked.headers['retry-after'], '60');
  t.equal(await test.store.headPosition(), before, 'nothing written for a stranger: nobody can fill the log with made-up ids');
});

t.test('session › sign-in attempts are limited per address as well', async (t) => {
  const test = await testApp(t, { limits: { rateLimitPublicTrack: 3 } });
  for (let i = 0; i < 3; i++) await signIn(test.app, `someone-${i}`, 'guess');
  const refused = await signIn(test.app, 'someone-else', 'guess');
  t.equal(refused.statusCode, 429);
  t.equal(refused.json().code, 'HTTP.TOO_MANY_REQUESTS');
  t.ok(Number(refused.headers['retry-after']) > 0);
});
