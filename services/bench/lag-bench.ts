import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSideProjections } from '../read-side/projections.js';
import { admin, caseBody, load, registerBenchAdmin, seedBenchDirectory, summary, type Load } from './http-bench.js';
import { withBaseline, type BenchResult } from './result.js';
import { spawnServer, stopServer } from './spawn-server.js';

const SECRET = 'bench-secret';
const ROUNDS = Number(process.env.BENCH_LAG_ROUNDS ?? process.env.BENCH_HTTP_ROUNDS ?? 3);
const SAMPLE_EVERY_MS = 100;
const CASE_MODELS = new Set(readSideProjections().map((projection) => projection.name));

type Server = Awaited<ReturnType<typeof spawnServer>>;

/** The service in a process of its own on an empty data directory, as the HTTP suite runs it; `readSide` off skips the case read models. */
async function startService(readSide: boolean): Promise<{ server: Server; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huiyin-bench-lag-'));
  await registerBenchAdmin(dataDir);
  const server = await spawnServer('services/server.ts', {
    DATA_DIR: dataDir, AUTH_SECRET: SECRET, DEMO: '0', LOG_LEVEL: 'warn', RATE_LIMIT_USER: '1000000000', BENCH_READ_SIDE: readSide ? '1' : '0',
  });
  await seedBenchDirectory(server.url);
  return { server, dataDir };
}

interface Lags {
  /** The largest lagMs among the case read models at each sample. */
  samples: number[];
  /** Samples at which the service did not answer with a lag. */
  missed: number;
}

/**
 * Asks `GET /api/projections` every 100 ms, from outside the service, what
 * each case read model's lagMs is (now less the commit time of the oldest
 * case event it has not applied; 0 when it has applied all) and keeps the
 * largest of them, until `stop` is called.
 */
function sampleLag(url: string): { stop: () => Promise<Lags> } {
  const lags: Lags = { samples: [], missed: 0 };
  let asking = Promise.resolve();
  const ask = async () => {
    try {
      const res = await fetch(`${url}/api/projections`, { headers: { authorization: admin.authorization } });
      const statuses = (await res.json()) as Array<{ name: string; lagMs: number | null }>;
      const lagsMs = statuses.filter((s) => CASE_MODELS.has(s.name)).map((s) => s.lagMs);
      if (!res.ok || lagsMs.length === 0 || lagsMs.includes(null)) lags.missed++;
      else lags.samples.push(Math.max(...(lagsMs as number[])));
    } catch {
      lags.missed++;
    }
  };
  // One question at a time: a reply slower than 100 ms delays the next sample rather than piling them up.
  const timer = setInterval(() => (asking = asking.then(ask)), SAMPLE_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await asking;
      return lags;
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * `projections.lag` and what the case read models cost create-case: two
 * services side by side, one with the case read models and one without
 * (BENCH_READ_SIDE=0), and rounds of the HTTP suite's create-case load on
 * each in turn. While the load runs on the one with them, their lag is
 * sampled from outside. Each figure is the median of its rounds; the lag
 * is the p99 of every sample of every round.
 */
export async function benchLag(emit: (result: BenchResult) => void): Promise<BenchResult[]> {
  const services: Array<{ server: Server; dataDir: string }> = [];
  try {
    const withModels = await startService(true);
    services.push(withModels);
    const without = await startService(false);
    services.push(without);
    const runs = { with: [] as Load[], without: [] as Load[] };
    const samples: number[] = [];
    let missed = 0;
    const createCase = (url: string) => load('http.create-case', { url: `${url}/api/cases`, method: 'POST', headers: admin, body: caseBody });
    for (let round = 0; round < ROUNDS; round++) {
      runs.without.push(await createCase(without.server.url));
      const sampling = sampleLag(withModels.server.url);
      runs.with.push(await createCase(withModels.server.url));
      const lags = await sampling.stop();
      samples.push(...lags.samples);
      missed += lags.missed;
    }
    const baseline = { ...summary('http.create-case.without-read-side', runs.without) };
    emit(baseline);
    const subject = withBaseline(summary('http.create-case.with-read-side', runs.with), baseline);
    emit(subject);
    samples.sort((a, b) => a - b);
    const lag: BenchResult = {
      name: 'projections.lag',
      value: Math.round(percentile(samples, 0.99)),
      unit: 'ms p99',
      detail: {
        p50Ms: Math.round(percentile(samples, 0.5)),
        maxMs: Math.round(samples.at(-1) ?? 0),
        samples: samples.length,
        missedSamples: missed,
        sampleEveryMs: SAMPLE_EVERY_MS,
        models: [...CASE_MODELS].join(' '),
        during: 'http.create-case.with-read-side',
      },
    };
    emit(lag);
    return [baseline, subject, lag];
  } finally {
    for (const service of services) {
      await stopServer(service.server.child);
      rmSync(service.dataDir, { recursive: true, force: true });
    }
  }
}
