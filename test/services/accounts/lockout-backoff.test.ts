import t from 'tap';
import { HuiyinError } from '../../../contracts/errors.js';
import { systemPrincipal } from '../../../contracts/identity.js';
import { Credentials } from '../../../services/accounts/credentials.js';
import { actorOf } from '../../../services/commands/envelope.js';
import { testApp } from '../../support/test-app.js';

const person = { sub: 'staff-backoff', role: 'staff', stations: ['st-baichehe'] } as const;
const MINUTE = 60_000;

/** The refusal a sign-in met: 401, or a lock with its seconds. */
async function attempt(credentials: Credentials, typed: string): Promise<string> {
  try {
    await credentials.signIn(person.sub, typed);
    return 'signed in';
  } catch (error) {
    if (!(error instanceof HuiyinError)) throw error;
    return error.code === 'AUTH.LOCKED' ? `locked ${error.details.retryAfterSeconds}s` : error.code;
  }
}

t.test('lockout › each wrong password after a lock doubles it, up to an hour; a right one resets the count', async (t) => {
  const test = await testApp(t);
  await test.auth(person);
  let now = Date.parse('2026-03-02T01:00:00Z');
  const credentials = new Credentials(test.store, test.app.accounts, () => now);
  await credentials.setPassword(actorOf(systemPrincipal('test-setup')), person.sub, 'the right one, at last', false);
  for (let i = 0; i < 5; i++) t.equal(await attempt(credentials, 'wrong'), 'AUTH.UNAUTHENTICATED');
  const seen: string[] = [];
  for (let lock = 1; lock <= 8; lock++) {
    seen.push(await attempt(credentials, 'the right one, at last'));
    const seconds = Number(/locked (\d+)s/.exec(seen.at(-1)!)?.[1]);
    now += seconds * 1000;
    t.equal(await attempt(credentials, 'wrong'), 'AUTH.UNAUTHENTICATED', `after lock ${lock} ends, a wrong password is checked again`);
  }
  t.same(seen, ['locked 60s', 'locked 120s', 'locked 240s', 'locked 480s', 'locked 960s', 'locked 1920s', 'locked 3600s', 'locked 3600s']);
  now += 3600 * 1000;
  t.equal(await attempt(credentials, 'the right one, at last'), 'signed in');
  for (let i = 0; i < 4; i++) t.equal(await attempt(credentials, 'wrong'), 'AUTH.UNAUTHENTICATED', 'the count started again');
  now += MINUTE;
  t.equal(await attempt(credentials, 'the right one, at last'), 'signed in', 'four wrong ones in a row lock nothing');
});

t.test('lockout › guesses sent at once meet the lock as guesses sent in turn', async (t) => {
  const test = await testApp(t);
  await test.auth(person);
  const credentials = new Credentials(test.store, test.app.accounts);
  await credentials.setPassword(actorOf(systemPrincipal('test-setup')), person.sub, 'the right one, at last', false);
  const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(credentials, `guess ${i}`)));
  t.equal(outcomes.filter((o) => o === 'AUTH.UNAUTHENTICATED').length, 5, 'five were checked');
  t.equal(outcomes.filter((o) => o.startsWith('locked')).length, 7, 'the rest met the lock');
});

t.test('lockout › a session expires after 12 hours', async (t) => {
  const test = await testApp(t);
  await test.auth(person);
  let now = Date.now();
  const credentials = new Credentials(test.store, test.app.accounts, () => now);
  await credentials.setPassword(actorOf(systemPrincipal('test-setup')), person.sub, 'the right one, at last', false);
  const { key } = await credentials.signIn(person.sub, 'the right one, at last');
  t.ok(await credentials.session(key));
  now += 12 * 3600 * 1000 - 1000;
  t.ok(await credentials.session(key), 'open until the end');
  now += 1000;
  t.equal(await credentials.session(key), undefined, 'closed after');
});
