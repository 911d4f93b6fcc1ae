import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { tokenService } from '../http/auth/tokens.js';
import { withBaseline, type BenchResult } from './result.js';
import { spawnServer, stopServer } from './spawn-server.js';

const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const SECRET = 'bench-secret';
const ACTION_CASES = 2048;
const admin = { authorization: `Bearer ${tokenService(SECRET).sign({ sub: 'bench-admin', role: 'admin', stations: [] })}`, 'content-type': 'application/json' };

const caseBody = JSON.stringify({
  channel: 'online-message',
  stationId: 'st-bench',
  category: 'roads',
  summary: 'Blocked culvert floods the village road after rain',
  constituent: { name: 'A villager', phone: '13800000000' },
  urgency: 'normal',
});

async function load(name: string, options: autocannon.Options): Promise<BenchResult> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  const ok = result['2xx'];
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    name,
    value: Math.round(ok / SECONDS),
    unit: 'requests/s',
    detail: { p50Ms: result.latency.p50, p99Ms: result.latency.p99, connections: CONNECTIONS, seconds: SECONDS },
  };
}

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: admin, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

export async function benchHttp(): Promise<BenchResult[]> {
  const hello = await spawnServer('services/bench/hello-server.ts', {}, '/');
  const baseline = await load('http.hello-world', { url: hello.url });
  await stopServer(hello.child);

  const dataDir = mkdtempSync(join(tmpdir(), 'huiyin-bench-http-'));
  const server = await spawnServer('services/server.ts', { DATA_DIR: dataDir, AUTH_SECRET: SECRET, DEMO: '0', LOG_LEVEL: 'warn' });
  try {
    await post(`${server.url}/api/areas`, { code: '520221', name: 'Bench district' });
    await post(`${server.url}/api/stations`, {
      id: 'st-bench', name: 'Bench station', kind: 'station', areaCode: '520221', address: 'Town hall', receptionSchedule: 'Mondays',
    });
    const create = await load('http.create-case', { url: `${server.url}/api/cases`, method: 'POST', headers: admin, body: caseBody });
    // Enough cases that each ends the run near the length of a real one
    // (about twenty events): on a few hundred, every case would gather a
    // hundred notes, and writing out that ever-growing view would be what
    // is measured.
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (ids.length < ACTION_CASES) ids.push((await post(`${server.url}/api/cases`, JSON.parse(caseBody))).id as string);
      }),
    );
    let next = 0;
    const action = await load('http.case-action', {
      url: server.url,
      requests: [
        {
          method: 'POST',
          headers: admin,
          body: JSON.stringify({ text: 'Called the roads office' }),
          setupRequest: (request) => ({ ...request, path: `/api/cases/${ids[next++ % ids.length]}/add-note` }),
        },
      ],
    });
    return [baseline, withBaseline(create, baseline), withBaseline(action, baseline)];
  } finally {
    await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
