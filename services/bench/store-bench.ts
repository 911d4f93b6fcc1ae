import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteEventStore } from '../event-store/sqlite/index.js';
import { median, withBaseline, type BenchResult } from './result.js';

const RUNS = 5;
const RUN_MS = 1500;
const IN_FLIGHT = 64;

// Shaped like a small case event so both sides move similar bytes.
const DATA = { caseId: randomUUID(), summary: 'blocked culvert floods the village road', urgency: 'general' };
const PAYLOAD = JSON.stringify(DATA);

function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-bench-'));
  return body(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** The ceiling: one row per durable transaction, as SQLite gives it with no store around it. */
async function rawInsertRun(): Promise<number> {
  return withTempDir(async (dir) => {
    const db = new Database(join(dir, 'raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, data TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO rows (key, data) VALUES (?, ?)');
    const oneRow = db.transaction((key: string) => insert.run(key, PAYLOAD));
    let rows = 0;
    const started = performance.now();
    while (performance.now() - started < RUN_MS) {
      oneRow(randomUUID());
      rows += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    db.close();
    return rows / seconds;
  });
}

interface AppendRun {
  perSecond: number;
  eventsPerTransaction: number;
  p99Ms: number;
}

async function storeAppendRun(): Promise<AppendRun> {
  return withTempDir(async (dir) => {
    const store = await openSqliteEventStore({ path: join(dir, 'events.sqlite') });
    const latencies: number[] = [];
    let appended = 0;
    const started = performance.now();
    const worker = async (n: number): Promise<void> => {
      for (let revision = 0; performance.now() - started < RUN_MS; revision += 1) {
        const sent = performance.now();
        await store.appendToStream(
          `bench-${n}`,
          [{ id: randomUUID(), type: 'CaseNoted', data: DATA, metadata: {} }],
          { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 },
        );
        latencies.push(performance.now() - sent);
        appended += 1;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, (_, n) => worker(n)));
    const seconds = (performance.now() - started) / 1000;
    const { transactions, appends } = store.stats();
    await store.close();
    latencies.sort((a, b) => a - b);
    return {
      perSecond: appended / seconds,
      eventsPerTransaction: appends / transactions,
      p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    };
  });
}

export async function benchStore(): Promise<BenchResult[]> {
  const raw: number[] = [];
  const runs: AppendRun[] = [];
  // Interleaved so a noisy moment on the disk hurts both sides alike.
  for (let i = 0; i < RUNS; i += 1) {
    raw.push(await rawInsertRun());
    runs.push(await storeAppendRun());
  }
  const baseline: BenchResult = {
    name: 'sqlite.raw-insert',
    value: Math.round(median(raw)),
    unit: 'rows/s',
    detail: { runs: RUNS, runMs: RUN_MS, rowsPerTransaction: 1 },
  };
  const append: BenchResult = {
    name: 'store.append',
    value: Math.round(median(runs.map((run) => run.perSecond))),
    unit: 'events/s',
    detail: {
      runs: RUNS,
      runMs: RUN_MS,
      inFlight: IN_FLIGHT,
      eventsPerTransaction: Math.round(median(runs.map((run) => run.eventsPerTransaction)) * 10) / 10,
      p99Ms: Math.round(median(runs.map((run) => run.p99Ms)) * 10) / 10,
    },
  };
  return [baseline, withBaseline(append, baseline)];
}
