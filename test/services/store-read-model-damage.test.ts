import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { spawnLogged, untilUp } from './store-process.js';

const WARN = 40;

t.test('start-up › a damaged read-model database is dropped and rebuilt, and the log says so', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-start-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { DATA_DIR: dir, AUTH_SECRET: 'start-test', DEMO: '1' };
  const first = await spawnLogged(env);
  await untilUp(first);
  const areas = async (url: string) => ((await (await fetch(`${url}/api/areas`)).json()) as { items: unknown[] }).items.length;
  const seeded = await areas(first.url);
  t.ok(seeded > 0, 'the demo directory is listed');
  t.equal(await first.stop(), 0);

  for (const suffix of ['-wal', '-shm']) rmSync(join(dir, `read-models.sqlite${suffix}`), { force: true });
  writeFileSync(join(dir, 'read-models.sqlite'), 'scribbled over '.repeat(1000));
  const again = await spawnLogged(env);
  await untilUp(again);
  t.equal(await areas(again.url), seeded, 'the lists are back, rebuilt from the log');
  const dropped = again.lines().filter((line) => /read-model database failed PRAGMA quick_check/.test(String(line.msg)));
  t.equal(dropped.length, 1, 'one line says why');
  t.match(dropped[0], { level: WARN, msg: /file is not a database.*rebuilding them from the event log/ });
  t.notOk(again.lines().some((line) => /seeded the demo/.test(String(line.msg))), 'the log had data: no demo over it');
  t.equal(await again.stop(), 0);
});
