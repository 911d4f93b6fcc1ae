import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { TSX_BOOT, writerWorkerEntry } from '../../services/event-store/sqlite/writer-bundle.js';

t.test('writer thread entry › is one plain module, built once and kept by its hash', async (t) => {
  const entry = writerWorkerEntry();
  t.not(entry.href, TSX_BOOT.href, 'the bundle, not the slow tsx boot it falls back to');
  t.match(entry.href, /node_modules\/\.cache\/huiyin\/writer-worker-[0-9a-f]{16}\.mjs$/);
  t.ok(existsSync(fileURLToPath(entry)));
  const code = readFileSync(fileURLToPath(entry), 'utf8');
  t.match(code, /from "better-sqlite3"/, 'packages stay imports');
  t.notMatch(code, /from "\.\.?\//, 'every module of the project is inside it');
  t.equal(writerWorkerEntry(), entry, 'built once per process');
});
