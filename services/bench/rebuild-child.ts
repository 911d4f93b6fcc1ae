import { join } from 'node:path';
import { READ_ALL_MAX_COUNT } from '../../contracts/event-store.js';
import { ReadModels } from '../../projections/read-models.js';
import { openSqliteEventStore } from '../event-store/sqlite/index.js';
import { allProjections } from '../read-side/projections.js';
import { LOG_FILE } from './bench-logs.js';

/**
 * One measured pass over a log, in a process of its own so that its peak
 * RSS is the pass's alone (not the generator's, nor an earlier pass's):
 *
 *   rebuild-child.ts rebuild <log dir> <read-model file>
 *     every projection the service runs, built from position 0 into a
 *     fresh read-model file, as the service builds them at start;
 *   rebuild-child.ts read-all <log dir>
 *     the baseline: every page of $all read, nothing done with it.
 *
 * Prints one JSON line: { events, seconds, maxRssMb }. The clock starts
 * once the store is open (its start-up check has read the file once, so
 * both passes find it in the page cache alike).
 */
export interface PassResult {
  events: number;
  seconds: number;
  maxRssMb: number;
  /** Rebuild only: when each projection caught up, in seconds from the start (they run side by side). */
  caughtUp?: string;
}

async function rebuild(logDir: string, readModelsPath: string): Promise<PassResult> {
  const store = await openSqliteEventStore({ path: join(logDir, LOG_FILE) });
  try {
    const events = await store.headPosition();
    const models = await ReadModels.open(store, readModelsPath, { onError: (error) => process.stderr.write(`${String(error)}\n`) });
    const started = performance.now();
    const runners = allProjections().map((projection) => models.start(projection));
    const at = (runner: (typeof runners)[number]) =>
      runner.caughtUp.then((live) => ({ live, line: `${runner.key} ${((performance.now() - started) / 1000).toFixed(1)}` }));
    const reached = await Promise.all(runners.map(at));
    const seconds = (performance.now() - started) / 1000;
    await models.close();
    if (reached.some((r) => !r.live)) throw new Error(`a projection stopped: ${runners.map((r) => r.failure()?.message).filter(Boolean).join('; ')}`);
    return { events, seconds, maxRssMb: 0, caughtUp: reached.map((r) => r.line).join(', ') };
  } finally {
    await store.close();
  }
}

async function readAll(logDir: string): Promise<PassResult> {
  const store = await openSqliteEventStore({ path: join(logDir, LOG_FILE) });
  try {
    let events = 0;
    const started = performance.now();
    for (let from = 0; ; ) {
      const page = await store.readAll({ fromPosition: from, maxCount: READ_ALL_MAX_COUNT });
      if (page.length === 0) break;
      events += page.length;
      from = page.at(-1)!.position + 1;
    }
    return { events, seconds: (performance.now() - started) / 1000, maxRssMb: 0 };
  } finally {
    await store.close();
  }
}

const [mode, logDir, readModelsPath] = process.argv.slice(2);
const result = mode === 'rebuild' && logDir && readModelsPath ? await rebuild(logDir, readModelsPath) : mode === 'read-all' && logDir ? await readAll(logDir) : undefined;
if (!result) {
  process.stderr.write('usage: rebuild-child.ts rebuild <log dir> <read-model file> | read-all <log dir>\n');
  process.exit(2);
}
// resourceUsage reports kilobytes: the most this process held at any time.
result.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify(result)}\n`);
