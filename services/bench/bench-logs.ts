import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteEventStore } from '../event-store/sqlite/index.js';
import { generateHistory } from '../generator/index.js';
import { cachedDir, codeVersion } from './log-cache.js';
import { appendCopies } from './replay.js';

/** The event log file in a log directory, as `openEventStore({ dataDir })` names it. */
export const LOG_FILE = 'events.sqlite';

export interface BenchLog {
  dir: string;
  /** Every event in it, the directory's included. */
  events: number;
  /** The position of its last event. */
  head: number;
  cases: number;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** What a generated log depends on: the generator, the events' contracts and workflows, the log's schema. */
const generatorVersion = () =>
  codeVersion(['services/generator', 'contracts/case', 'workflows/case', 'workflows/engine', 'services/event-store/sqlite/schema.ts']);

/** Counted on the file itself: opening it as a store would first read every page (its start-up check). */
function countEvents(dir: string): { events: number; head: number } {
  const db = new Database(join(dir, LOG_FILE), { readonly: true });
  try {
    return db.prepare<[], { events: number; head: number }>('SELECT COUNT(*) AS events, COALESCE(MAX(position), 0) AS head FROM events').get()!;
  } finally {
    db.close();
  }
}

/**
 * A log of `cases` generated case histories (seed `seed`, the generator's
 * default year), made through the engine the first time and kept under
 * CACHE_ROOT/<seed>-<cases>/ for later runs.
 */
export async function generatedLog(cases: number, seed = 'bench'): Promise<BenchLog> {
  const dir = await cachedDir(`${seed}-${cases}`, generatorVersion(), async (into) => {
    say(`generating ${cases} case histories into ${into} (once; later runs reuse them)`);
    const store = await openSqliteEventStore({ path: join(into, LOG_FILE), writerThread: true });
    const started = performance.now();
    const every = Math.max(1, Math.ceil(cases / 20));
    let reported = 0;
    try {
      await generateHistory(store, {
        cases,
        seed,
        onProgress: ({ cases: done, commands }) => {
          if (done - reported < every && done < cases) return;
          reported = done;
          say(`generate: ${done}/${cases} cases, ${commands} commands, ${Math.round((performance.now() - started) / 1000)} s`);
        },
      });
    } finally {
      await store.close();
    }
  }, say);
  return { dir, ...countEvents(dir), cases };
}

/**
 * `times` times the cases of `generatedLog(cases, seed)`: the generated
 * log, then `times - 1` copies of its case events with case ids, event
 * ids and tracking codes remapped (replay.ts), appended through the store.
 * Kept under CACHE_ROOT/<seed>-<cases>x<times>/.
 */
export async function copiedLog(cases: number, times: number, seed = 'bench'): Promise<BenchLog> {
  const base = await generatedLog(cases, seed);
  const version = `${generatorVersion()}-${codeVersion(['services/bench/replay.ts'])}`;
  const dir = await cachedDir(`${seed}-${cases}x${times}`, version, async (into) => {
    say(`copying the ${cases}-case log ${times - 1} times into ${into} (once; later runs reuse it)`);
    for (const suffix of ['', '-wal']) {
      if (existsSync(join(base.dir, LOG_FILE + suffix))) copyFileSync(join(base.dir, LOG_FILE + suffix), join(into, LOG_FILE + suffix));
    }
    const store = await openSqliteEventStore({ path: join(into, LOG_FILE), writerThread: true });
    const started = performance.now();
    let shown = started;
    try {
      await appendCopies(store, base.head, times - 1, (copy, position) => {
        if (performance.now() - shown < 10_000) return;
        shown = performance.now();
        say(`copy ${copy}/${times - 1}: at position ${position} of ${base.head}, ${Math.round((shown - started) / 1000)} s`);
      });
    } finally {
      await store.close();
    }
  }, say);
  return { dir, ...countEvents(dir), cases: cases * times };
}
