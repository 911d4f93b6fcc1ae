import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { copiedLog, generatedLog, type BenchLog } from './bench-logs.js';
import { benchQueries } from './query-bench.js';
import { passFigure, rebuildPass } from './rebuild-bench.js';
import { QUERY_CASES, withScratch } from './read-side-bench.js';
import { withBaseline, type BenchResult } from './result.js';

/** How many times the smaller log's cases the larger log holds. */
const TIMES = Number(process.env.BENCH_SCALE_TIMES ?? 10);

interface SizeRun {
  cases: number;
  figures: Map<string, BenchResult>;
}

/** A figure at the larger size judged against the same figure at the smaller (its baseline, named with its size). */
function againstSmaller(large: BenchResult, smaller: SizeRun | undefined): BenchResult {
  const small = smaller?.figures.get(large.name);
  if (!small) return large;
  return { ...withBaseline(large, small), baseline: { name: `${small.name} at ${smaller!.cases} cases`, value: small.value } };
}

/**
 * One size: every projection rebuilt from position 0 into a fresh file (its
 * rate and peak RSS), then the query mixes on what it built. Each figure
 * is emitted as soon as it is known, against `smaller`'s when given.
 */
async function atSize(log: BenchLog, path: string, emit: (result: BenchResult) => void, smaller?: SizeRun): Promise<SizeRun> {
  const run: SizeRun = { cases: log.cases, figures: new Map() };
  const note = (result: BenchResult) => {
    run.figures.set(result.name, result);
    emit(againstSmaller(result, smaller));
  };
  const rebuild = passFigure('projections.rebuild', log, [await rebuildPass(log, path)]);
  note(rebuild);
  note({ name: 'projections.rebuild.peak-rss', value: Number(rebuild.detail!.peakRssMb), unit: 'MB', detail: { events: log.events, cases: log.cases } });
  benchQueries(path, { cases: log.cases, events: log.events }, note);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  return run;
}

/**
 * `npm run bench -- scale`: at QUERY_CASES cases and at TIMES as many, a
 * rebuild of every projection (events/s and peak RSS) and the case-list,
 * search and dashboard queries. The larger log is the generated one
 * followed by TIMES - 1 copies of its case events with ids and tracking
 * codes remapped (replay.ts): the same city, stations and year, TIMES
 * times as busy. Each figure at the larger size has the smaller's as its
 * baseline: for the queries a ratio of at most 2 is the target; for the
 * peak RSS, about 1 (memory must not grow with the log).
 */
export async function benchScale(emit: (result: BenchResult) => void): Promise<BenchResult[]> {
  return withScratch(async (dir) => {
    const small = await atSize(await generatedLog(QUERY_CASES), join(dir, 'read-models.sqlite'), emit);
    const large = await atSize(await copiedLog(QUERY_CASES, TIMES), join(dir, 'read-models.sqlite'), emit, small);
    return [...small.figures.values(), ...[...large.figures.values()].map((figure) => againstSmaller(figure, small))];
  });
}
