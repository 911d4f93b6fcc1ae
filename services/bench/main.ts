import { benchEngine } from './engine-bench.js';
import { benchHttp } from './http-bench.js';
import { benchStore } from './store-bench.js';

/**
 * `npm run bench`: one JSON object per line. Every figure that has a
 * ceiling is compared with a baseline measured in this same run.
 * `npm run bench -- http` (or store, engine) runs one suite.
 */
const suites = { store: benchStore, engine: benchEngine, http: benchHttp };
const chosen = process.argv.slice(2).filter((name): name is keyof typeof suites => name in suites);
for (const name of chosen.length ? chosen : (Object.keys(suites) as (keyof typeof suites)[])) {
  for (const result of await suites[name]()) process.stdout.write(`${JSON.stringify(result)}\n`);
}
