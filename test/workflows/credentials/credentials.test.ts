import t from 'tap';
import { HuiyinError, IllegalTransitionError } from '../../../contracts/errors.js';
import { credentialsWorkflow, type CredentialsContext } from '../../../workflows/credentials/index.js';
import { lockDurationMs, lockedForSeconds } from '../../../workflows/credentials/lockout.js';
import { specTime, workflowSpec } from '../../support/workflow-spec.js';

const spec = workflowSpec(credentialsWorkflow);
const hash = { algorithm: 'scrypt', N: 16384, r: 8, p: 1, salt: 'c2FsdA==', key: 'a2V5' } as const;
const account = 'spec-1';
const passwordSet = { type: 'PasswordSet', data: { account, hash, mustChange: true, setBy: 'admin-1' } };
const failed = (at = specTime) => ({ type: 'SignInFailed', data: { account, at } });
const signedIn = (sessionId: string, expiresAt = '2026-06-13T13:00:00.000Z') => ({ type: 'SignedIn', data: { account, sessionId, expiresAt } });
const contextOf = (outcome: { decision?: { after: { context: unknown } } }) => outcome.decision?.after.context as CredentialsContext;
const minutesBefore = (minutes: number) => new Date(Date.parse(specTime) - minutes * 60_000).toISOString();

t.test('credentials › nobody signs in, and nothing fails, before a password is set', async (t) => {
  t.type(spec([]).when({ type: 'sign-in', data: { sessionId: 's1', expiresAt: specTime } }).error, IllegalTransitionError);
  t.type(spec([]).when({ type: 'record-failure', data: {} }).error, IllegalTransitionError);
  const { decision } = spec([]).when({ type: 'set-password', data: { hash, mustChange: true, setBy: 'admin-1' } });
  t.same(decision?.events, [passwordSet]);
  t.equal(decision?.after.status, 'set');
});

t.test('credentials › a wrong password is recorded at the time of the command', async (t) => {
  const { decision } = spec([passwordSet]).when({ type: 'record-failure', data: {} });
  t.same(decision?.events, [failed()]);
  t.equal(contextOf({ decision }).failures, 1);
});

t.test('credentials › the decider refuses a sign-in while locked, and takes it once the lock has ended', async (t) => {
  const fiveFailures = [passwordSet, ...Array.from({ length: 5 }, () => failed(minutesBefore(0.5)))];
  const { error } = spec(fiveFailures).when({ type: 'sign-in', data: { sessionId: 's1', expiresAt: specTime } });
  t.type(error, HuiyinError);
  t.match(error, { code: 'AUTH.LOCKED', details: { retryAfterSeconds: 30 } });
  const ended = [passwordSet, ...Array.from({ length: 5 }, () => failed(minutesBefore(1)))];
  const { decision } = spec(ended).when({ type: 'sign-in', data: { sessionId: 's1', expiresAt: '2026-06-13T13:00:00.000Z' } });
  t.same(decision?.events, [signedIn('s1')]);
  t.equal(contextOf({ decision }).failures, 0, 'a success resets the count');
});

t.test('credentials › sessions: signed out once, dropped when expired, all ended by a new password', async (t) => {
  const history = [passwordSet, signedIn('old', minutesBefore(1)), signedIn('s1'), signedIn('s2')];
  const open = spec(history).before.context as CredentialsContext;
  t.same(Object.keys(open.sessions).sort(), ['s1', 's2'], 'the expired session was dropped when a new one opened');
  t.same(spec(history).when({ type: 'sign-out', data: { sessionId: 's1' } }).decision?.events, [{ type: 'SignedOut', data: { account, sessionId: 's1' } }]);
  t.same(spec(history).when({ type: 'sign-out', data: { sessionId: 'gone' } }).decision?.events, [], 'an ended session: nothing happens');
  const reset = spec(history).when({ type: 'set-password', data: { hash, mustChange: true, setBy: 'admin-1' } });
  t.same(contextOf(reset).sessions, {});
  const changed = spec(history, { actor: { id: account, role: 'staff' } }).when({
    type: 'change-password', data: { hash, sessionId: 's3', expiresAt: '2026-06-13T13:00:00.000Z' },
  });
  t.same(changed.decision?.events, [{ type: 'PasswordSet', data: { account, hash, mustChange: false, setBy: account } }, signedIn('s3')]);
  t.same(Object.keys(contextOf(changed).sessions), ['s3'], 'only the session the password was changed in goes on, renewed');
  t.equal(contextOf(changed).mustChange, false);
});

t.test('credentials › the lock: none before five failures, then a minute doubling to an hour', async (t) => {
  t.same([0, 4, 5, 6, 7, 10, 11, 12, 100].map((n) => lockDurationMs(n) / 60_000), [0, 0, 1, 2, 4, 32, 60, 60, 60]);
  t.equal(lockedForSeconds({ failures: 5, lastFailureAt: null }, Date.now()), 0);
  t.equal(lockedForSeconds({ failures: 5, lastFailureAt: specTime }, Date.parse(specTime) + 59_001), 1, 'whole seconds, rounded up');
  t.equal(lockedForSeconds({ failures: 5, lastFailureAt: specTime }, Date.parse(specTime) + 60_000), 0);
});
