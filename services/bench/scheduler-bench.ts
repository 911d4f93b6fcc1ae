import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../contracts/metadata.js';
import { TimerSignal, deadlinesProjection, pendingCount } from '../../projections/deadlines/index.js';
import { ReadModels } from '../../projections/read-models.js';
import { CaseService } from '../cases/case-service.js';
import { commandEnvelope } from '../commands/envelope.js';
import { timeOrderedUuid } from '../commands/command-ids.js';
import { openSqliteEventStore } from '../event-store/sqlite/index.js';
import { caseReadingRules } from '../read-side/projections.js';
import type { Clock } from '../scheduler/clock.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { median, withBaseline, type BenchResult } from './result.js';

const CASES = 100_000;
const IN_FLIGHT = 64;
const BASELINE_RUNS = 3;
const IDLE_MS = 3_000;
const staff: Actor = { id: 'bench', role: 'admin' };
const noDirectory = { station: async () => undefined, deputy: async () => undefined, categoryFor: async () => undefined };
const form = {
  channel: 'reception-day', stationId: 'st-1', areaCode: '520221', category: 'roads', categoryName: '道路与排水',
  summary: 'Blocked culvert floods the village road after rain', constituent: { name: 'A villager' }, urgency: 'emergency',
};

/** A clock stopped at one moment: everything due by then is due at once, nothing else comes due. */
const stoppedAt = (ms: number): Clock => ({ now: () => ms, wakeAfter: (wait, wake) => setTimeout(wake, Math.min(wait, 2_147_483_647)).unref(), cancel: (h) => clearTimeout(h as NodeJS.Timeout) });

async function inLanes(count: number, step: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < count) await step(next++);
  }));
  return count / ((performance.now() - started) / 1000);
}

/**
 * `scheduler.fire`: 100,000 emergencies received 100 minutes ago, so each
 * has its reply reminder (at 90 minutes) due at once, among 600,000
 * pending firings; the scheduler fires them all, each a command through
 * the case engine, waiting for the deadlines model after every batch as it
 * does in service. Against `engine.command` (a person's note, warm cache,
 * 64 in flight) on the same store in the same run. `scheduler.idle`: how
 * often it reads its queue while nothing is due, with 500,000 pending.
 */
export async function benchScheduler(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-bench-scheduler-'));
  const store = await openSqliteEventStore({ path: join(dir, 'events.sqlite') });
  const readModels = await ReadModels.open(store, join(dir, 'read-models.sqlite'));
  try {
    const cases = new CaseService(store, noDirectory);
    const receivedAt = Date.now() - 100 * 60_000;
    const then = new Date(receivedAt).toISOString();
    const ids = Array.from({ length: CASES }, () => timeOrderedUuid());
    await inLanes(CASES, (i) => cases.engine.execute(commandEnvelope(staff, ids[i]!, 'receive', { ...form, receivedAt: then }, { now: then }), { newStream: true }));
    const signal = new TimerSignal();
    const runner = readModels.start(deadlinesProjection(caseReadingRules, signal));
    await runner.caughtUp;
    const pending = pendingCount(readModels.db);

    const baseline: number[] = [];
    for (let run = 0; run < BASELINE_RUNS; run++) {
      const engine = new CaseService(store, noDirectory).engine;
      const sample = ids.slice(run * 10_000, (run + 1) * 10_000);
      await Promise.all(sample.map((id) => engine.load(engine.streamNameOf(id))));
      baseline.push(await inLanes(sample.length, (i) => engine.execute(commandEnvelope(staff, sample[i]!, 'add-note', { text: 'bench note' }, { now: new Date().toISOString() }))));
    }
    await runner.waitFor(await store.headPosition());

    const scheduler = new Scheduler({ cases: new CaseService(store, noDirectory), readModels, signal, clock: stoppedAt(receivedAt + 91 * 60_000) });
    const started = performance.now();
    await scheduler.start();
    await scheduler.idle();
    const seconds = (performance.now() - started) / 1000;
    const fired = scheduler.status.fired;
    const reads = scheduler.status.queueReads;
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleReads = scheduler.status.queueReads - reads;
    await scheduler.stop();

    const command: BenchResult = { name: 'engine.command', value: Math.round(median(baseline)), unit: 'commands/s', detail: { runs: BASELINE_RUNS, inFlight: IN_FLIGHT, cache: 'warm', cases: 10_000 } };
    const fire: BenchResult = {
      name: 'scheduler.fire',
      value: Math.round(fired / seconds),
      unit: 'firings/s',
      detail: { due: CASES, fired, pendingBefore: pending, seconds: Math.round(seconds * 10) / 10, cache: 'cold: the engine reads each case as it fires' },
    };
    return [
      command,
      withBaseline(fire, command),
      { name: 'scheduler.idle', value: idleReads, unit: 'queue reads', detail: { idleMs: IDLE_MS, pending: pendingCount(readModels.db), nextWakeAt: scheduler.status.nextWakeAt ?? 'none' } },
    ];
  } finally {
    await readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

