import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from '../support/child-env.js';
import t from 'tap';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import type { AckedAppend } from '../support/append-under-load.js';
import { readWholeLog } from './conformance/helpers.js';

const ACKS_BEFORE_KILL = 400;
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'huiyin-durability-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the appender until it has acknowledged enough appends, then kills it mid-flight. */
async function appendThenKill(dbFile: string, mode: string): Promise<{ acked: AckedAppend[]; signal: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/append-under-load.ts', dbFile, mode], {
    cwd: root,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    if (!child.killed && output.split('\n').length > ACKS_BEFORE_KILL) child.kill('SIGKILL');
  });
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
  );
  if (signal !== 'SIGKILL') throw new Error(`appender exited early (code ${code}): ${errors}`);
  // A line cut short by the kill was never a complete acknowledgement.
  const lines = output.split('\n').slice(0, -1);
  return { acked: lines.map((line) => JSON.parse(line) as AckedAppend), signal };
}

for (const mode of ['in-thread', 'writer-thread']) {
  t.test(`event store › durability › every acknowledged append survives kill -9 (commits ${mode})`, async (t) => {
    const dbFile = join(dir, `events-${mode}.sqlite`);
    const { acked, signal } = await appendThenKill(dbFile, mode);
    t.equal(signal, 'SIGKILL');
    t.ok(acked.length >= ACKS_BEFORE_KILL, `${acked.length} appends acknowledged before the kill`);

    const store = await openSqliteEventStore({ path: dbFile });
    t.teardown(() => store.close());
    const streams = new Map<string, RecordedEvent[]>();
    for (const stream of new Set(acked.map((a) => a.stream))) streams.set(stream, await store.readStream(stream));

    let intact = 0;
    for (const append of acked) {
      const events = streams.get(append.stream)!;
      const first = append.revision - append.events.length + 1;
      const found = events.slice(first, append.revision + 1).map(({ id, type, data }) => ({ id, type, data }));
      if (JSON.stringify(found) === JSON.stringify(append.events) && events[append.revision]?.position === append.position) {
        intact += 1;
      } else {
        t.fail(`${append.stream}@${append.revision} lost or altered`, { found, acked: append });
      }
    }
    t.equal(intact, acked.length, 'every acknowledged append reads back at its revision and position');
    for (const [stream, events] of streams) {
      t.ok(events.every((e, i) => e.revision === i), `${stream}: revisions gapless`);
    }
    const all = await readWholeLog(store);
    t.ok(all.every((e, i) => i === 0 || e.position > all[i - 1]!.position), '$all positions increase');
    t.equal(all.length, [...streams.values()].reduce((n, events) => n + events.length, 0), 'no stray events');
  });
}
