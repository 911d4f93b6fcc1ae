import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedLog } from './bench-logs.js';
import { benchLag } from './lag-bench.js';
import { benchQueries } from './query-bench.js';
import { benchRebuild, rebuildPass } from './rebuild-bench.js';
import type { BenchResult } from './result.js';

/** Cases generated for the rebuild: about eight events each, so a little over a million events. */
export const REBUILD_CASES = Number(process.env.BENCH_REBUILD_CASES ?? 130_000);
/** The smaller of the two sizes the issue sets for queries. */
export const QUERY_CASES = Number(process.env.BENCH_QUERY_CASES ?? 100_000);
const REBUILD_RUNS = Number(process.env.BENCH_REBUILD_RUNS ?? 3);

/** A scratch directory for read-model files, removed when `body` is done. */
export async function withScratch<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-bench-read-'));
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Queries at QUERY_CASES cases: the generated log rebuilt once into a
 * fresh read-model file, then the query mixes on that file.
 */
export async function queriesAt100k(dir: string, emit: (result: BenchResult) => void): Promise<BenchResult[]> {
  const log = await generatedLog(QUERY_CASES);
  const path = join(dir, `read-models-${QUERY_CASES}.sqlite`);
  await rebuildPass(log, path);
  return benchQueries(path, { cases: log.cases, events: log.events }, emit);
}

/**
 * `npm run bench -- read`: projections.rebuild over a generated log of
 * REBUILD_CASES cases (store.read-all its baseline), the queries at
 * QUERY_CASES cases, and projections.lag with create-case with and
 * without the case read models. Generated logs are cached (bench-logs.ts).
 */
export async function benchRead(emit: (result: BenchResult) => void): Promise<BenchResult[]> {
  return withScratch(async (dir) => {
    const log = await generatedLog(REBUILD_CASES);
    const results = [await benchRebuild(log, join(dir, 'read-models.sqlite'), REBUILD_RUNS, emit)];
    results.push(...(await queriesAt100k(dir, emit)));
    results.push(...(await benchLag(emit)));
    return results;
  });
}
