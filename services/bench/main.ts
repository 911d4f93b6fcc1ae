import { benchEngine } from './engine-bench.js';
import { benchHttp } from './http-bench.js';
import { benchRead } from './read-side-bench.js';
import type { BenchResult } from './result.js';
import { benchScale } from './scale-bench.js';
import { benchScheduler } from './scheduler-bench.js';
import { benchStore } from './store-bench.js';
import { benchWeb } from './web-bench.js';

/**
 * `npm run bench`: one JSON object per line, each printed as soon as it is
 * measured. Every figure that has a ceiling is compared with a baseline
 * measured in this same run. `npm run bench -- http` (or store, engine,
 * read, scheduler, scale, web) runs one suite; with no name, every suite but
 * `scale` (minutes longer, and tens of gigabytes of logs: docs/performance.md).
 */
const emit = (result: BenchResult) => process.stdout.write(`${JSON.stringify(result)}\n`);
const printed = (suite: () => Promise<BenchResult[]>) => async () => {
  (await suite()).forEach(emit);
};
const suites = {
  store: printed(benchStore),
  engine: printed(benchEngine),
  http: printed(benchHttp),
  read: () => benchRead(emit).then(() => {}),
  scheduler: printed(benchScheduler),
  scale: () => benchScale(emit).then(() => {}),
  web: printed(benchWeb),
};
const byDefault: (keyof typeof suites)[] = ['store', 'engine', 'http', 'read', 'scheduler', 'web'];
const chosen = process.argv.slice(2).filter((name): name is keyof typeof suites => name in suites);
for (const name of chosen.length ? chosen : byDefault) await suites[name]();
