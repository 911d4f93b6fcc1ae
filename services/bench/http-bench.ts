import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { EntryBook } from '../directory/entries.js';
import { openEventStore } from '../event-store/open-store.js';
import { tokenService } from '../http/auth/tokens.js';
import { median, ratio, withBaseline, type BenchResult } from './result.js';
import { spawnServer, stopServer } from './spawn-server.js';
import { steadyLoad } from './steady-load.js';

const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const SECRET = 'bench-secret';
const ACTION_CASES = 4096;
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
// The steady load: far above any city's busiest hour (a few thousand
// matters a year), far below what the service can take at most.
const STEADY_RATE = Number(process.env.BENCH_HTTP_STEADY_RATE ?? 100);
export const admin = { authorization: `Bearer ${tokenService(SECRET).sign({ sub: 'bench-admin' })}`, 'content-type': 'application/json' };

/** Rights come from the directory: the benchmark's administrator is an account in the log before the server starts. */
export async function registerBenchAdmin(dataDir: string): Promise<void> {
  const store = await openEventStore({ dataDir, env: {} });
  try {
    const record = new EntryBook(store).parse('account', 'register', { id: 'bench-admin', name: 'Benchmark', role: 'admin' });
    await new EntryBook(store).register('account', record, { id: 'cli', role: 'system' }, { now: new Date().toISOString() });
  } finally {
    await store.close();
  }
}

export const caseBody = JSON.stringify({
  channel: 'online-message',
  stationId: 'st-bench',
  category: 'roads',
  summary: 'Blocked culvert floods the village road after rain',
  constituent: { name: 'A villager', phone: '13800000000' },
  urgency: 'normal',
});

export interface Load {
  rate: number;
  p50Ms: number;
  p99Ms: number;
}

export async function load(name: string, options: autocannon.Options): Promise<Load> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rate: Math.round(result['2xx'] / SECONDS), p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}

/** Medians across the rounds, each figure taken on its own: requests/s, p50, p99. */
export function summary(name: string, runs: Load[]): BenchResult {
  return {
    name,
    value: median(runs.map((run) => run.rate)),
    unit: 'requests/s',
    detail: {
      p50Ms: median(runs.map((run) => run.p50Ms)),
      p99Ms: median(runs.map((run) => run.p99Ms)),
      runs: runs.map((run) => run.rate).join(' '),
      connections: CONNECTIONS,
      seconds: SECONDS,
    },
  };
}

export async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: admin, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** The district, station and category every benchmark case is opened in. */
export async function seedBenchDirectory(url: string): Promise<void> {
  await post(`${url}/api/areas`, { code: '520221', name: 'Bench district' });
  await post(`${url}/api/stations`, {
    id: 'st-bench', name: 'Bench station', kind: 'station', areaCode: '520221', address: 'Town hall', receptionSchedule: 'Mondays',
  });
  await post(`${url}/api/categories`, { areaCode: '520221', code: 'roads', nameZh: '道路与排水', nameEn: 'Roads', defaultUrgency: 'normal' });
}

async function newCases(url: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (ids.length < count) ids.push((await post(`${url}/api/cases`, JSON.parse(caseBody))).id as string);
    }),
  );
  return ids;
}

/**
 * Rounds of hello-world, create-case and case-action in turn, so a machine
 * that slows down or speeds up mid-run moves baseline and subjects alike;
 * each figure is the median of its rounds.
 */
export async function benchHttp(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huiyin-bench-http-'));
  await registerBenchAdmin(dataDir);
  const server = await spawnServer('services/server.ts', { DATA_DIR: dataDir, AUTH_SECRET: SECRET, DEMO: '0', LOG_LEVEL: 'warn', RATE_LIMIT_USER: '1000000000' });
  let hello: Awaited<ReturnType<typeof spawnServer>> | undefined;
  try {
    await seedBenchDirectory(server.url);
    // The bare POST answers with a real case view, byte for byte the size of the ones measured.
    const view = JSON.stringify(await post(`${server.url}/api/cases`, JSON.parse(caseBody)));
    hello = await spawnServer('services/bench/hello-server.ts', { BARE_POST_VIEW: view }, '/');
    // Each round acts on cases made just before it, enough of them that a
    // case ends the round near the length of a real one (tens of events).
    // On a few hundred, every case would gather hundreds of notes and
    // writing out that ever-growing view would be what is measured; made
    // before the create-case rounds, they would have left the engine's
    // cache, pushed out by the tens of thousands of cases those rounds make.
    let ids: string[] = [];
    let next = 0;
    const addNote = {
      method: 'POST' as const,
      headers: admin,
      body: JSON.stringify({ text: 'Called the roads office' }),
      setupRequest: (request: autocannon.Request) => ({ ...request, path: `/api/cases/${ids[next++ % ids.length]}/add-note` }),
    };
    const rounds = { hello: [] as Load[], bare: [] as Load[], create: [] as Load[], action: [] as Load[], steadyHello: [] as Load[], steadyCreate: [] as Load[] };
    for (let round = 0; round < ROUNDS; round++) {
      rounds.hello.push(await load('http.hello-world', { url: hello.url }));
      rounds.bare.push(await load('http.bare-post', { url: `${hello.url}/cases`, method: 'POST', headers: admin, body: caseBody }));
      rounds.create.push(await load('http.create-case', { url: `${server.url}/api/cases`, method: 'POST', headers: admin, body: caseBody }));
      ids = await newCases(server.url, ACTION_CASES);
      rounds.action.push(await load('http.case-action', { url: server.url, requests: [addNote] }));
      await readModelsCaughtUp(server.url);
      rounds.steadyHello.push(await steadyLoad('http.hello-world.steady', hello.url, {}, STEADY_RATE, SECONDS));
      rounds.steadyCreate.push(await steadyLoad('http.create-case.steady', `${server.url}/api/cases`, { method: 'POST', headers: admin, body: caseBody }, STEADY_RATE, SECONDS));
    }
    const baseline = summary('http.hello-world', rounds.hello);
    const bare = withBaseline(summary('http.bare-post', rounds.bare), baseline);
    const ofBare = (result: BenchResult) => ({ ...result, detail: { ...result.detail, ofBarePost: ratio(result, bare) } });
    return [
      baseline,
      bare,
      ofBare(withBaseline(summary('http.create-case', rounds.create), baseline)),
      ofBare(withBaseline(summary('http.case-action', rounds.action), baseline)),
      ...steadyLatency(rounds.steadyHello, rounds.steadyCreate),
    ];
  } finally {
    if (hello) await stopServer(hello.child);
    await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Latency at a steady `STEADY_RATE` requests/s, as people meet the service:
 * create-case's p99 against hello-world's at the same rate, in the same
 * rounds (steady-load.ts). Under the full load above every request waits
 * behind 63 others and behind the load generator for a core; at this rate
 * neither does.
 */
function steadyLatency(hello: Load[], create: Load[]): BenchResult[] {
  const p99 = (name: string, runs: Load[]): BenchResult => ({
    name,
    value: median(runs.map((run) => run.p99Ms)),
    unit: 'ms p99',
    detail: { p50Ms: median(runs.map((run) => run.p50Ms)), runs: runs.map((run) => run.p99Ms).join(' '), requestsPerSecond: STEADY_RATE, seconds: SECONDS },
  });
  const baseline = p99('http.hello-world.steady', hello);
  return [baseline, withBaseline(p99('http.create-case.steady', create), baseline)];
}

/** Waits until the service's read models have applied everything the loads before wrote. */
async function readModelsCaughtUp(url: string): Promise<void> {
  for (;;) {
    const statuses = (await (await fetch(`${url}/api/projections`, { headers: admin })).json()) as Array<{ lagEvents: number }>;
    if (statuses.every((status) => status.lagEvents === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
