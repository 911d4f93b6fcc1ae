import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { demoAreas, demoCategoryList } from '../../../services/demo/directory-data.js';
import { startServer } from '../../support/server-process.js';

const json = async (url: string) => (await fetch(url)).json() as Promise<Record<string, unknown>>;

t.test('demo › the server seeds an empty store at start, and never a store with data', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'huiyin-demo-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir, AUTH_SECRET: 'demo-test-secret', DEMO: '1' };

  const first = await startServer(env);
  const areas = (await json(`${first.url}/api/areas`)).items as unknown[];
  t.equal(areas.length, demoAreas.length, 'the demo directory is there before the first request');
  const categories = (await json(`${first.url}/api/categories?area=520221104201`)).items as unknown[];
  t.equal(categories.length, demoCategoryList.length, 'a village sees its district’s categories');
  const seededTo = (await json(`${first.url}/readyz`)).logPosition as number;
  t.ok(seededTo > 100, `cases were written too (log at ${seededTo})`);
  first.child.kill('SIGTERM');
  t.equal(await first.exited, 0);

  const second = await startServer(env);
  t.equal((await json(`${second.url}/readyz`)).logPosition, seededTo, 'a restart seeds nothing more');
  second.child.kill('SIGTERM');
  t.equal(await second.exited, 0);
});
