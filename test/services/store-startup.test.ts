import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { spawnLogged, untilUp, type LoggedServer } from './store-process.js';

const FATAL = 60;

function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-start-'));
  t.teardown(() => {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** The start failed with exit code 1 and exactly one fatal line, without a stack trace. */
async function failsWithOneLine(t: Test, server: LoggedServer, message: RegExp | string): Promise<void> {
  t.equal(await server.exited, 1, 'the process exits with 1');
  const lines = server.lines();
  t.equal(lines.length, 1, `one line: ${server.output()}`);
  t.match(lines[0], { level: FATAL, msg: message });
  t.notOk(lines[0]?.err, 'no error object');
  t.notMatch(server.output(), /\sat .+:\d+:\d+/, 'no stack trace, in the line or beside it');
}

t.test('start-up › a damaged event log stops the start, naming the file and the check that failed', async (t) => {
  const dir = tempDir(t);
  const log = join(dir, 'events.sqlite');
  writeFileSync(log, 'not an event log '.repeat(500));
  const server = await spawnLogged({ DATA_DIR: dir, AUTH_SECRET: 'start-test' });
  await failsWithOneLine(t, server, `the event log ${log} failed PRAGMA quick_check: file is not a database`);
});

t.test('start-up › a DATA_DIR that cannot be written stops the start, naming the path and the cause', async (t) => {
  const dir = tempDir(t);
  chmodSync(dir, 0o555);
  // Root writes anywhere, so as root the server runs as nobody, to whom the directory is read-only.
  const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const server = await spawnLogged({ DATA_DIR: dir, AUTH_SECRET: 'start-test' }, as);
  await failsWithOneLine(t, server, new RegExp(`^DATA_DIR ${dir} cannot be written: EACCES: permission denied`));
});

t.test('start-up › a DATA_DIR that is missing and cannot be made stops the start, naming the path and the cause', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a-file'), '');
  const where = join(dir, 'a-file', 'data');
  const server = await spawnLogged({ DATA_DIR: where, AUTH_SECRET: 'start-test' });
  await failsWithOneLine(t, server, new RegExp(`^DATA_DIR ${where} cannot be created: ENOTDIR: not a directory`));
});

t.test('start-up › the demo is never seeded over a lost log, and the log says so', async (t) => {
  const dir = tempDir(t);
  const env = { DATA_DIR: dir, AUTH_SECRET: 'start-test', DEMO: '1' };
  const json = async (server: LoggedServer, path: string) => (await fetch(`${server.url}${path}`)).json() as Promise<Record<string, unknown>>;

  const first = await spawnLogged(env);
  await untilUp(first);
  t.ok(((await json(first, '/readyz')).logPosition as number) > 100, 'the demo was seeded into the new log');
  t.equal(await first.stop(), 0);

  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `events.sqlite${suffix}`), { force: true });
  for (const attempt of ['the first restart', 'a later restart']) {
    const again = await spawnLogged(env);
    await untilUp(again);
    t.equal((await json(again, '/readyz')).logPosition, 0, `${attempt} wrote nothing into the empty log`);
    t.same((await json(again, '/api/areas')).items, [], 'and shows none of the lost log’s directory');
    const refusal = again.lines().filter((line) => /not seeding the demo over a lost log/.test(String(line.msg)));
    t.equal(refusal.length, 1, `${attempt} says why in one line`);
    t.match(refusal[0], { level: 50, replacedLogs: [{ position: Number }] });
    t.equal(await again.stop(), 0);
  }
});
