import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tokenService } from '../http/auth/tokens.js';
import { generatedLog, LOG_FILE } from './bench-logs.js';
import { QUERY_CASES } from './read-side-bench.js';
import { median, withBaseline, type BenchResult } from './result.js';
import { spawnServer, stopServer } from './spawn-server.js';

const SECRET = 'bench-web-secret';
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
/** The generated city's auditor: sees every case, so the dashboard draws all of them. */
const AUDITOR = 'gaud-1';
export const PUBLIC_JS_BUDGET_KB = 250;

async function browser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`bench web needs Chromium at ${executablePath}: apt-get install -y chromium fonts-noto-cjk`);
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}

/** Milliseconds from asking for `url` in a fresh context (a cold cache) until `ready` holds. */
async function timed(b: Browser, url: string, ready: (page: Page) => Promise<unknown>, headers: Record<string, string> = {}): Promise<number> {
  const context = await b.newContext({ extraHTTPHeaders: headers, viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await ready(page);
    return Math.round(performance.now() - started);
  } finally {
    await context.close();
  }
}

/** The JavaScript a first visit to `url` downloads: gzipped bytes, and whether any of it is ECharts. */
async function scriptsOf(b: Browser, url: string, ready: (page: Page) => Promise<unknown>): Promise<{ kb: number; files: number; echarts: boolean }> {
  const context = await b.newContext();
  const page = await context.newPage();
  const sizes: Promise<{ bytes: number; echarts: boolean }>[] = [];
  page.on('requestfinished', (request) => {
    if (!request.url().endsWith('.js')) return;
    sizes.push(
      (async () => {
        const [size, response] = await Promise.all([request.sizes(), request.response()]);
        const body = (await response?.text()) ?? '';
        return { bytes: size.responseBodySize, echarts: body.includes('echarts') };
      })(),
    );
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(sizes);
  await context.close();
  return { kb: Math.round(all.reduce((sum, s) => sum + s.bytes, 0) / 102.4) / 10, files: all.length, echarts: all.some((s) => s.echarts) };
}

const publicReady = (page: Page) => page.locator('main input').first().waitFor({ state: 'visible' });
const dashboardReady = (page: Page) => page.locator('main canvas').first().waitFor({ state: 'visible', timeout: 120_000 });
const blankReady = (page: Page) => page.waitForLoadState('load');

/**
 * `npm run bench -- web`: the pages as a person's browser meets them, on
 * loopback, with QUERY_CASES generated cases behind the API. Each time is
 * the median of RUNS cold visits, against a blank document from the same
 * server in the same run; the public page's JavaScript is weighed against
 * its budget, and the dashboard's chunk must not be part of it.
 */
export async function benchWeb(): Promise<BenchResult[]> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('bench web needs the built web app: npm run build:web');
  const log = await generatedLog(QUERY_CASES);
  const dataDir = mkdtempSync(join(tmpdir(), 'huiyin-bench-web-'));
  for (const suffix of ['', '-wal']) {
    if (existsSync(join(log.dir, LOG_FILE + suffix))) copyFileSync(join(log.dir, LOG_FILE + suffix), join(dataDir, LOG_FILE + suffix));
  }
  const { url, child } = await spawnServer('services/server.ts', { DATA_DIR: dataDir, DEMO: '0', SCHEDULER: '0', AUTH_SECRET: SECRET, WEB_ROOT: WEB_DIST, LOG_LEVEL: 'warn' });
  const b = await browser();
  try {
    const auth = { authorization: `Bearer ${tokenService(SECRET).sign({ sub: AUDITOR })}` };
    // The read models are rebuilt from the log at first start: wait until the dashboard answers.
    for (let waited = 0; ; waited += 1000) {
      const answer = await fetch(`${url}/api/dashboard`, { headers: auth });
      if (answer.ok) break;
      if (waited > 600_000) throw new Error(`the dashboard did not answer: ${answer.status}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const runs = async (path: string, ready: (page: Page) => Promise<unknown>, headers?: Record<string, string>) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await timed(b, `${url}${path}`, ready, headers));
      return times;
    };
    const blank = await runs('/healthz', blankReady);
    const publicPage = await runs('/', publicReady);
    const dashboard = await runs('/dashboard', dashboardReady, auth);
    const scripts = await scriptsOf(b, `${url}/`, publicReady);
    const baseline: BenchResult = { name: 'web.blank-page', value: median(blank), unit: 'ms', detail: { runs: blank.join(' ') } };
    const detail = (times: number[]) => ({ runs: times.join(' '), cases: log.cases });
    return [
      baseline,
      withBaseline({ name: 'web.public-interactive', value: median(publicPage), unit: 'ms', detail: detail(publicPage) }, baseline),
      withBaseline({ name: 'web.dashboard-drawn', value: median(dashboard), unit: 'ms', detail: detail(dashboard) }, baseline),
      {
        name: 'web.public-js',
        value: scripts.kb,
        unit: 'KB gzipped',
        detail: { budgetKb: PUBLIC_JS_BUDGET_KB, files: scripts.files, withinBudget: String(scripts.kb <= PUBLIC_JS_BUDGET_KB), loadsECharts: String(scripts.echarts) },
      },
    ];
  } finally {
    await b.close();
    await stopServer(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
