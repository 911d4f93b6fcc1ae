import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';

const root = mkdtempSync(join(tmpdir(), 'huiyin-bench-cache-test-'));
process.env.BENCH_CACHE_DIR = root;
t.teardown(() => rmSync(root, { recursive: true, force: true }));
const { cachedDir, codeVersion } = await import('../../../services/bench/log-cache.js');

t.test('bench cache › made once, reused while the code is the same, made anew when it changes', async (t) => {
  let made = 0;
  const make = async (dir: string) => {
    made++;
    writeFileSync(join(dir, 'events.sqlite'), `log ${made}`);
  };
  const dir = await cachedDir('s-10', 'v1', make);
  t.equal(dir, join(root, 's-10'));
  t.equal(await cachedDir('s-10', 'v1', make), dir);
  t.equal(made, 1, 'reused');
  t.equal(readFileSync(join(dir, 'events.sqlite'), 'utf8'), 'log 1');
  await cachedDir('s-10', 'v2', make);
  t.equal(made, 2, 'made anew for other code');
  t.equal(readFileSync(join(dir, 'events.sqlite'), 'utf8'), 'log 2');
});

t.test('bench cache › an interrupted make leaves nothing that looks complete', async (t) => {
  await t.rejects(cachedDir('s-20', 'v1', async () => Promise.reject(new Error('interrupted'))), /interrupted/);
  t.notOk(existsSync(join(root, 's-20')));
  t.same(readdirSync(root).filter((name) => name.startsWith('s-20')), [], 'no partial directory either');
});

t.test('bench cache › the code version follows the bytes of the files it covers', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-code-version-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.ts'), 'export const a = 1;');
  const before = codeVersion([dir]);
  t.equal(codeVersion([dir]), before);
  writeFileSync(join(dir, 'a.ts'), 'export const a = 2;');
  t.not(codeVersion([dir]), before);
});
