import t from 'tap';
import type { PasswordHash } from '../../../contracts/credentials.js';
import { systemPrincipal } from '../../../contracts/identity.js';
import * as passwords from '../../../services/accounts/passwords.js';
import { actorOf } from '../../../services/commands/envelope.js';
import { testApp } from '../../support/test-app.js';

/** Every scrypt check a sign-in makes, and against what: the account's hash or the decoy. */
const checks: string[] = [];
const { Credentials } = await t.mockImport<typeof import('../../../services/accounts/credentials.js')>('../../../services/accounts/credentials.js', {
  '../../../services/accounts/passwords.js': {
    ...passwords,
    passwordMatches: async (typed: string, stored: PasswordHash) => {
      checks.push(stored === (await passwords.decoyHash) ? 'decoy' : 'account');
      return passwords.passwordMatches(typed, stored);
    },
  },
});

t.test('sign-in › every refusal costs one scrypt check, whether or not the account exists and has a password', async (t) => {
  const test = await testApp(t);
  const person = { sub: 'staff-same-work', role: 'staff', stations: ['st-baichehe'] } as const;
  const switchedOff = { sub: 'staff-gone', role: 'staff' } as const;
  for (const who of [person, switchedOff, { sub: 'staff-no-password', role: 'staff' } as const]) await test.auth(who);
  const credentials = new Credentials(test.store, test.app.accounts);
  const setter = actorOf(systemPrincipal('test-setup'));
  await credentials.setPassword(setter, person.sub, 'the right one, at last', false);
  await credentials.setPassword(setter, switchedOff.sub, 'the right one, at last', false);
  await test.app.directory.update('account', switchedOff.sub, { active: false }, { id: 'test-setup', role: 'system' }, { now: new Date().toISOString() });

  const cases = [
    ['a wrong password', person.sub, 'account'],
    ['an unknown account', 'nobody-at-all', 'decoy'],
    ['an account without a password', 'staff-no-password', 'decoy'],
    ['a switched-off account, with its right password', switchedOff.sub, 'decoy'],
  ] as const;
  for (const [what, account, against] of cases) {
    checks.length = 0;
    const typed = account === switchedOff.sub ? 'the right one, at last' : 'not it';
    await t.rejects(credentials.signIn(account, typed), { code: 'AUTH.UNAUTHENTICATED' }, what);
    t.same(checks, [against], `${what}: one check, against the ${against} hash`);
  }
  checks.length = 0;
  await credentials.signIn(person.sub, 'the right one, at last');
  t.same(checks, ['account'], 'and a success costs the same');
});
