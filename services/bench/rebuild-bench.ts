import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { keyOf } from '../../projections/runner.js';
import { allProjections } from '../read-side/projections.js';
import type { BenchLog } from './bench-logs.js';
import type { PassResult } from './rebuild-child.js';
import { median, withBaseline, type BenchResult } from './result.js';

const run = promisify(execFile);

/** One pass (rebuild-child.ts) in a fresh process; its stderr goes to ours. */
async function pass(...args: string[]): Promise<PassResult> {
  const child = run(process.execPath, ['--import', 'tsx', 'services/bench/rebuild-child.ts', ...args], { maxBuffer: 1 << 20 });
  child.child.stderr?.pipe(process.stderr);
  const { stdout } = await child;
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as PassResult;
}

/** Every projection built from position 0 into `readModelsPath`, made anew first. */
export async function rebuildPass(log: BenchLog, readModelsPath: string): Promise<PassResult> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${readModelsPath}${suffix}`, { force: true });
  return pass('rebuild', log.dir, readModelsPath);
}

export const readAllPass = (log: BenchLog): Promise<PassResult> => pass('read-all', log.dir);

const perSecond = (result: PassResult) => result.events / result.seconds;
const round1 = (value: number) => Math.round(value * 10) / 10;

/** The passes of one log as figures: the median rate, the seconds of each run, the highest peak RSS. */
export function passFigure(name: string, log: BenchLog, passes: PassResult[], extra: Record<string, number | string> = {}): BenchResult {
  return {
    name,
    value: Math.round(median(passes.map(perSecond))),
    unit: 'events/s',
    detail: {
      events: passes[0]!.events,
      cases: log.cases,
      runs: passes.length,
      seconds: passes.map((p) => round1(p.seconds)).join(' '),
      peakRssMb: Math.max(...passes.map((p) => p.maxRssMb)),
      ...(passes[0]!.caughtUp ? { caughtUpSeconds: passes.map((p) => p.caughtUp).join(' | ') } : {}),
      ...extra,
    },
  };
}

/**
 * `projections.rebuild` over `log`, with `store.read-all` over the same log
 * as its baseline: `runs` rounds of one read-all pass and one rebuild, in
 * turn, so a machine that speeds up or slows down moves both alike. Each
 * figure is emitted as soon as its rounds are done.
 */
export async function benchRebuild(
  log: BenchLog,
  readModelsPath: string,
  runs: number,
  emit: (result: BenchResult) => void,
): Promise<BenchResult> {
  const reads: PassResult[] = [];
  const rebuilds: PassResult[] = [];
  for (let round = 0; round < runs; round++) {
    reads.push(await readAllPass(log));
    rebuilds.push(await rebuildPass(log, readModelsPath));
  }
  const baseline = passFigure('store.read-all', log, reads, { pageSize: 1000 });
  emit(baseline);
  const rebuild = withBaseline(passFigure('projections.rebuild', log, rebuilds, { projections: allProjections().map(keyOf).join(' ') }), baseline);
  emit(rebuild);
  return rebuild;
}
