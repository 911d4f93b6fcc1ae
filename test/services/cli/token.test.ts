import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { EntryBook } from '../../../services/directory/entries.js';
import { openEventStore } from '../../../services/event-store/open-store.js';
import { loadAuthSecret, tokenService } from '../../../services/http/auth/tokens.js';
import { childEnv } from '../../support/child-env.js';

const run = promisify(execFile);
type Failure = { code: number; stderr: string };
const cli = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', 'token', ...args], { env }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: Failure) => ({ code: error.code, stdout: '', stderr: error.stderr }),
  );

t.test('cli › token registers an unknown subject with the rights asked for, then refuses rights beyond them', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = childEnv({ DATA_DIR: dir, AUTH_SECRET: '' });
  const first = await cli(env, '--sub', 'staff-1', '--role', 'staff', '--name', 'Wang Fang', '--station', 'st-a', '--station', 'st-b');
  t.equal(first.code, 0, first.stderr);
  const claims = tokenService(await loadAuthSecret(dir, undefined)).verify(first.stdout.trim());
  t.match(claims, { sub: 'staff-1', name: 'Wang Fang' });
  t.equal(claims!.exp - claims!.iat, 12 * 3600, 'a person’s token lives 12 hours');

  const store = await openEventStore({ dataDir: dir, env: {} });
  const book = new EntryBook(store);
  t.match((await book.get('account', 'staff-1'))?.record, { role: 'staff', stationIds: ['st-a', 'st-b'], kind: 'person' });
  t.match(await book.history('account', 'staff-1'), [{ type: 'AccountRegistered', metadata: { actor: { id: 'cli', role: 'system' } } }]);
  await store.close();

  t.equal((await cli(env, '--sub', 'staff-1', '--role', 'staff', '--station', 'st-a')).code, 0, 'rights the account has: a token');
  const beyond = await cli(env, '--sub', 'staff-1', '--role', 'staff', '--station', 'st-z');
  t.equal(beyond.code, 2);
  t.match(beyond.stderr, /--station: st-z is not one of the account's stations/);
  const promoted = await cli(env, '--sub', 'staff-1', '--role', 'admin');
  t.equal(promoted.code, 2);
  t.match(promoted.stderr, /--role: the directory says staff/);
  const tooLong = await cli(env, '--sub', 'staff-1', '--ttl', String(13 * 3600));
  t.equal(tooLong.code, 2);
  t.match(tooLong.stderr, /--ttl/);
});

t.test('cli › bad flags name themselves', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const bad = await cli(childEnv({ DATA_DIR: dir, AUTH_SECRET: '' }), '--sub', 'x', '--role', 'mayor');
  t.equal(bad.code, 2);
  t.match(bad.stderr, /role/);
});
