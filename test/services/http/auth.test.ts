import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { loadAuthSecret, tokenService } from '../../../services/http/auth/tokens.js';
import { childEnv } from '../../support/child-env.js';

const run = promisify(execFile);

t.test('auth › the key is AUTH_SECRET, else generated once into DATA_DIR and reused', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-auth-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const first = await loadAuthSecret(dir, undefined);
  t.ok(first.length >= 40, 'a long random key');
  t.equal(await loadAuthSecret(dir, undefined), first, 'reused after a restart');
  t.equal(statSync(join(dir, 'auth-secret')).mode & 0o777, 0o600, 'readable by its owner only');
  t.equal(await loadAuthSecret(dir, 'from-env'), 'from-env');
});

t.test('auth › tokens: verified, tamper-evident, and refused once expired even when cached', async (t) => {
  let now = Date.now();
  const tokens = tokenService('k', { now: () => now });
  const token = tokens.sign({ sub: 'dep-li', role: 'deputy', stations: ['st-1'] }, 60);
  t.match(tokens.verify(token), { sub: 'dep-li', role: 'deputy', stations: ['st-1'] });
  t.equal(tokenService('other-key').verify(token), undefined, 'another key does not accept it');
  t.equal(tokens.verify(`${token.slice(0, -2)}xx`), undefined, 'a changed signature fails');
  now += 61_000;
  t.equal(tokens.verify(token), undefined, 'expired');
  const wrongRole = tokens.sign({ sub: 'x', role: 'mayor' as never, stations: [] });
  t.equal(tokens.verify(wrongRole), undefined, 'claims outside the schema are refused');
});

t.test('cli › token prints a token the service accepts; bad flags name themselves', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = childEnv({ DATA_DIR: dir, AUTH_SECRET: '' });
  const args = ['--import', 'tsx', 'services/cli/main.ts', 'token', '--sub', 'staff-1', '--role', 'staff', '--station', 'st-a', '--station', 'st-b'];
  const { stdout } = await run(process.execPath, args, { env });
  const secret = await loadAuthSecret(dir, undefined);
  t.match(tokenService(secret).verify(stdout.trim()), { sub: 'staff-1', role: 'staff', stations: ['st-a', 'st-b'] });
  const bad = await run(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', 'token', '--sub', 'x', '--role', 'mayor'], { env }).catch(
    (e: { code: number; stderr: string }) => e,
  );
  t.equal((bad as { code: number }).code, 2);
  t.match((bad as { stderr: string }).stderr, /--role/);
});
