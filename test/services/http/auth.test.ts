import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSigner } from 'fast-jwt';
import t from 'tap';
import { loadAuthSecret, tokenService } from '../../../services/http/auth/tokens.js';

t.test('auth › the key is AUTH_SECRET, else generated once into DATA_DIR and reused', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-auth-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const first = await loadAuthSecret(dir, undefined);
  t.ok(first.length >= 40, 'a long random key');
  t.equal(await loadAuthSecret(dir, undefined), first, 'reused after a restart');
  t.equal(statSync(join(dir, 'auth-secret')).mode & 0o777, 0o600, 'readable by its owner only');
  t.equal(await loadAuthSecret(dir, 'from-env'), 'from-env');
});

t.test('auth › tokens say who, are tamper-evident, and are refused once expired even when cached', async (t) => {
  let now = Date.now();
  const tokens = tokenService('k', { now: () => now });
  const token = tokens.sign({ sub: 'dep-li', name: 'Li' }, 60);
  const claims = tokens.verify(token);
  t.match(claims, { sub: 'dep-li', name: 'Li' });
  t.equal(claims!.exp - claims!.iat, 60, 'issued now, expiring after the ttl');
  t.notOk('role' in claims!, 'no rights in a token');
  t.equal(tokenService('other-key').verify(token), undefined, 'another key does not accept it');
  t.equal(tokens.verify(`${token.slice(0, -2)}xx`), undefined, 'a changed signature fails');
  now += 61_000;
  t.equal(tokens.verify(token), undefined, 'expired');
});

t.test('auth › a token without an expiry is refused', async (t) => {
  const forever = createSigner({ key: 'k', algorithm: 'HS256' })({ sub: 'admin-1' });
  t.equal(tokenService('k').verify(forever), undefined);
});
