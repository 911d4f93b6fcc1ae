import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { ReadModels } from '../../../projections/read-models.js';
import { openEventStore } from '../../../services/event-store/open-store.js';
import { childEnv } from '../../support/child-env.js';
import { deputy, directoryWriter, station } from '../../support/directory-fixtures.js';

const run = promisify(execFile);
const cli = (dir: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', 'projections', ...args], { env: childEnv({ DATA_DIR: dir }) }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

t.test('cli › projections list and rebuild, on a small log, in a child process', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-cli-projections-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const store = await openEventStore({ dataDir: dir, env: {} });
  const write = directoryWriter(store);
  await write.register('area', { code: '520221', name: 'Shuicheng District' });
  await write.register('station', station('st-fana', '520221'));
  for (const id of ['dep-a', 'dep-b']) await write.register('deputy', deputy(id, ['st-fana']));
  const head = await store.headPosition();
  await store.close();

  const before = await cli(dir, 'list');
  t.equal(before.code, 0, before.stderr);
  t.match(before.stdout, new RegExp(`log head: position ${head}`));
  t.match(before.stdout, /directory@2 {2}not built/);
  t.match(before.stdout, /case-list@2 {2}not built/);

  const all = await cli(dir, 'rebuild');
  t.equal(all.code, 0, all.stderr);
  for (const key of ['directory@2', 'case-list@2', 'dashboard@2', 'diary@2', 'three-ones@1', 'visits@1', 'appointments@1']) t.match(all.stdout, new RegExp(`${key}: rebuilt to position`));
  const models = join(dir, 'read-models.sqlite');
  const look = () => {
    const db = new Database(models, { readonly: true });
    try {
      return {
        deputies: db.prepare('SELECT count(*) FROM directory_v2_deputies').pluck().get(),
        directory: db.prepare("SELECT position FROM projection_checkpoints WHERE projection = 'directory@2'").pluck().get(),
      };
    } finally {
      db.close();
    }
  };
  t.same(look(), { deputies: 2, directory: head }, 'built from the log, to its head');

  const after = await cli(dir, 'list');
  t.match(after.stdout, new RegExp(`directory@2 {2}position ${head} {2}lagEvents 0 {2}lagMs 0`));

  const one = await cli(dir, 'rebuild', 'directory');
  t.equal(one.code, 0, one.stderr);
  t.match(one.stdout, /directory@2: rebuilt to position/);
  t.notMatch(one.stdout, /case-list/, 'only the one named');
  t.same(look(), { deputies: 2, directory: head });

  const unknown = await cli(dir, 'rebuild', 'nonsense');
  t.equal(unknown.code, 2);
  t.match(unknown.stderr, /no projection called nonsense; there are directory@2, case-list@2/);

  // The service holds the file while it runs; the command will not drop tables under it.
  const running = await openEventStore({ dataDir: dir, env: {} });
  const held = await ReadModels.open(running, models);
  t.teardown(async () => {
    await held.close();
    await running.close();
  });
  const refused = await cli(dir, 'rebuild');
  t.equal(refused.code, 1, 'refused while the file is held');
  t.match(refused.stderr, /read-models\.sqlite is in use by another process, most likely the running service: stop it first/);
});
