import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import type { RecordedEvent } from '../../../contracts/event-store.js';
import { openEventStore } from '../../../services/event-store/open-store.js';
import { readWholeLog } from '../../event-store/conformance/helpers.js';
import { childEnv } from '../../support/child-env.js';

const run = promisify(execFile);
type Failure = { code: number; stdout: string; stderr: string };
const cli = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', 'generate', ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: Failure) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

async function caseEvents(dir: string): Promise<RecordedEvent[]> {
  const store = await openEventStore({ dataDir: dir, env: {} });
  try {
    return await readWholeLog(store, { kind: 'category', categories: ['case'] });
  } finally {
    await store.close();
  }
}

t.test('cli › generate writes N cases into the log of DATA_DIR, with progress, the same for the same seed', async (t) => {
  const dirs = [mkdtempSync(join(tmpdir(), 'huiyin-gen-')), mkdtempSync(join(tmpdir(), 'huiyin-gen-'))];
  t.teardown(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const args = ['--cases', '25', '--seed', 'cli', '--from', '2026-06-01', '--to', '2026-09-01'];
  const results = [];
  for (const dir of dirs) results.push(await cli(childEnv({ DATA_DIR: dir }), ...args));
  for (const result of results) {
    t.equal(result.code, 0, result.stderr);
    t.match(JSON.parse(result.stdout), { cases: 25, seed: 'cli', from: '2026-05-31T16:00:00.000Z', to: '2026-08-31T16:00:00.000Z' });
    t.match(result.stderr, /generate: 25\/25 cases, \d+ commands/, 'progress on stderr');
  }
  const [a, b] = await Promise.all(dirs.map(caseEvents));
  t.equal(new Set(a!.map((e) => e.streamName)).size, 25);
  const key = (events: RecordedEvent[]) =>
    events.map(({ streamName, revision, id, type, data, metadata }) => JSON.stringify([streamName, revision, id, type, data, metadata])).sort();
  t.same(key(a!), key(b!), 'two runs, two logs, the same events');
  t.ok(a!.every((e) => String(e.metadata.occurredAt) >= '2026-05-31T16:00:00.000Z' && String(e.metadata.occurredAt) < '2026-08-31T16:00:00.000Z'));
});

t.test('cli › generate refuses bad arguments with the usage line', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-gen-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = childEnv({ DATA_DIR: dir });
  const bad = await cli(env, '--cases', 'many', '--from', 'soon');
  t.equal(bad.code, 2);
  t.match(bad.stderr, /--cases must be a whole number/);
  t.match(bad.stderr, /--from must be a date/);
  t.match(bad.stderr, /usage: npm run cli -- generate/);
  const unknown = await cli(env, '--cases', '1', '--colour', 'red');
  t.equal(unknown.code, 2);
  t.match(unknown.stderr, /colour/);
});
