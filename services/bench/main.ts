import { benchEngine } from './engine-bench.js';
import { benchStore } from './store-bench.js';

/**
 * `npm run bench`: one JSON object per line. Every figure that has a
 * ceiling is compared with a baseline measured in this same run.
 */
for (const suite of [benchStore, benchEngine]) {
  for (const result of await suite()) process.stdout.write(`${JSON.stringify(result)}\n`);
}
