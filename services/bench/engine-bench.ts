import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, RecordedEvent } from '../../contracts/event-store.js';
import type { Actor } from '../../contracts/metadata.js';
import { caseWorkflows } from '../../workflows/case/index.js';
import { emptyStream, foldEvents } from '../../workflows/engine/fold.js';
import { WorkflowEngine } from '../../workflows/engine/engine.js';
import { openSqliteEventStore } from '../event-store/sqlite/index.js';
import { timeOrderedUuid } from '../commands/command-ids.js';
import { median, type BenchResult } from './result.js';

const RUNS = 5;
const RUN_MS = 1500;
const IN_FLIGHT = 64;
/** Each run sends one command to every case, so cases grow by one event a run. */
const CASES = 2048;
const EVENTS_PER_CASE = 20;
const actor: Actor = { id: 'bench', role: 'admin' };

const receive = {
  channel: 'reception-day',
  stationId: 'st-1',
  areaCode: '520221',
  category: 'roads',
  categoryName: '道路与排水',
  summary: 'Blocked culvert floods the village road after rain',
  constituent: { name: 'A villager', phone: '13800000000' },
  urgency: 'urgent',
};

function command(streamId: string, type: string, data: unknown) {
  return { streamId, type, data, commandId: randomUUID(), actor, occurredAt: new Date().toISOString() };
}

/** Cases that already hold 20 events: a receipt and 19 notes. */
async function seedCases(store: EventStore): Promise<string[]> {
  const engine = new WorkflowEngine(store, caseWorkflows);
  const ids = Array.from({ length: CASES }, () => randomUUID());
  await Promise.all(
    ids.map(async (id) => {
      await engine.execute(command(id, 'receive', receive));
      for (let i = 1; i < EVENTS_PER_CASE; i++) await engine.execute(command(id, 'add-note', { text: `note ${i}` }));
    }),
  );
  return ids;
}

/** Commands/s with 64 in flight: one command to each case, lanes taking cases in turn. */
async function commandRun(store: EventStore, ids: string[], cacheSize: number): Promise<number> {
  const engine = new WorkflowEngine(store, caseWorkflows, { cacheSize });
  if (cacheSize > 0) await Promise.all(ids.map((id) => engine.load(engine.streamNameOf(id))));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, lane) => {
      for (let i = lane; i < ids.length; i += IN_FLIGHT) {
        await engine.execute(command(ids[i]!, 'add-note', { text: 'bench note' }));
      }
    }),
  );
  return ids.length / ((performance.now() - started) / 1000);
}

/** New cases/s with 64 in flight, ids as the case service gives key-less receipts. */
async function receiveRun(store: EventStore): Promise<number> {
  const engine = new WorkflowEngine(store, caseWorkflows);
  let received = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (performance.now() - started < RUN_MS) {
        await engine.execute(command(timeOrderedUuid(), 'receive', receive), { newStream: true });
        received += 1;
      }
    }),
  );
  return received / ((performance.now() - started) / 1000);
}

function foldRun(streams: RecordedEvent[][]): number {
  let folded = 0;
  const started = performance.now();
  while (performance.now() - started < RUN_MS) {
    for (const events of streams) {
      foldEvents(caseWorkflows, emptyStream(caseWorkflows.versions.get(caseWorkflows.latest)!, events[0]!.streamName), events);
      folded += events.length;
    }
  }
  return folded / ((performance.now() - started) / 1000);
}

export async function benchEngine(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-bench-engine-'));
  const store = await openSqliteEventStore({ path: join(dir, 'events.sqlite') });
  try {
    const ids = await seedCases(store);
    const streams = await Promise.all(ids.slice(0, 64).map((id) => store.readStream(`case-${id}`, { maxCount: EVENTS_PER_CASE })));
    const warm: number[] = [];
    const cold: number[] = [];
    const fold: number[] = [];
    const receipts: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      receipts.push(await receiveRun(store));
      warm.push(await commandRun(store, ids, 10_000));
      cold.push(await commandRun(store, ids, 0));
      fold.push(foldRun(streams));
    }
    const detail = { runs: RUNS, inFlight: IN_FLIGHT, cases: CASES, eventsPerCase: `${EVENTS_PER_CASE}–${EVENTS_PER_CASE + 2 * RUNS}` };
    return [
      { name: 'engine.receive', value: Math.round(median(receipts)), unit: 'commands/s', detail: { runs: RUNS, inFlight: IN_FLIGHT, cases: 'new, time-ordered ids' } },
      { name: 'engine.command', value: Math.round(median(warm)), unit: 'commands/s', detail: { ...detail, cache: 'warm' } },
      { name: 'engine.command.cold', value: Math.round(median(cold)), unit: 'commands/s', detail: { ...detail, cache: 'none: every command folds the whole case' } },
      { name: 'workflow.fold', value: Math.round(median(fold)), unit: 'events/s', detail: { runs: RUNS, streams: streams.length } },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
