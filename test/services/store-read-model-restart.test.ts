import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { spawnLogged, untilUp, type LoggedServer } from './store-process.js';

const droppedLines = (server: LoggedServer) => server.lines().filter((line) => /read models were dropped/.test(String(line.msg)));

/** What the read-model file says of the boot it is open under, as a later boot would find it. */
function marker(path: string, change?: string): { bootId: string; stillOpen: number } {
  const db = new Database(path);
  try {
    if (change) db.prepare('UPDATE read_model_open_under SET boot_id = ?').run(change);
    return db.prepare('SELECT boot_id AS bootId, still_open AS stillOpen FROM read_model_open_under').get() as { bootId: string; stillOpen: number };
  } finally {
    db.close();
  }
}

t.test('start-up › read models written without waiting for the disk: kept after kill -9, rebuilt after the machine restarted', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-restart-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'read-models.sqlite');
  const env = { DATA_DIR: dir, AUTH_SECRET: 'restart-test', DEMO: '1' };
  const areas = async (url: string) => ((await (await fetch(`${url}/api/areas`)).json()) as { items: unknown[] }).items.length;
  const killed = async (server: LoggedServer) => {
    server.child.kill('SIGKILL');
    t.equal(await server.exited, 'SIGKILL');
  };

  const first = await spawnLogged(env);
  await untilUp(first);
  const seeded = await areas(first.url);
  t.ok(seeded > 0, 'the demo directory is listed');
  await killed(first);
  const thisBoot = marker(file);
  t.equal(thisBoot.stillOpen, 1, 'killed: the file was left open');

  const afterKill = await spawnLogged(env);
  await untilUp(afterKill);
  t.equal(await areas(afterKill.url), seeded);
  t.same(droppedLines(afterKill), [], 'the same boot: the operating system wrote what it was handed, nothing is rebuilt');
  await killed(afterKill);

  marker(file, 'a-boot-before-this-one');
  const afterRestart = await spawnLogged(env);
  await untilUp(afterRestart);
  t.equal(await areas(afterRestart.url), seeded, 'the lists are back, rebuilt from the log');
  const dropped = droppedLines(afterRestart);
  t.equal(dropped.length, 1, 'one line says why');
  t.match(dropped[0], { msg: /still open when the machine restarted \(boot a-boot-before-this-one\)/ });
  t.equal(await afterRestart.stop(), 0);
  t.same(marker(file), { bootId: thisBoot.bootId, stillOpen: 0 }, 'a clean stop waited for the disk and says the file is closed');

  marker(file, 'a-boot-before-this-one');
  const afterCleanStop = await spawnLogged(env);
  await untilUp(afterCleanStop);
  t.same(droppedLines(afterCleanStop), [], 'closed cleanly before the restart: kept');
  t.equal(await afterCleanStop.stop(), 0);
});
