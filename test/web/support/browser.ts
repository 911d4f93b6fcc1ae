import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Test } from 'tap';
import { stopServer } from '../../../services/bench/spawn-server.js';
import { startServer } from '../../support/server-process.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The build under test: HUIYIN_WEB_DIST points at another (a build of one's own while others build theirs). */
export const WEB_DIST = process.env.HUIYIN_WEB_DIST ?? join(projectRoot, 'services', 'web', 'dist');
export const ARTIFACTS = join(projectRoot, 'test', 'artifacts');
export const DEMO_PASSWORD = 'huiyin-demo-2026';

/**
 * Chromium from Debian, started as the sandbox allows. Without it the page
 * tests fail and say how to install it: they never pass by being skipped.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install it with  apt-get update && apt-get install -y chromium fonts-noto-cjk  (or set CHROMIUM_PATH)`);
  }
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('the web app is not built: run  npm run build:web');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

/** Huiyin in a child process on a fresh data directory, with the demo unless told otherwise, serving the built pages. */
export async function startWebServer(options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<WebServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'huiyin-web-'));
  // Seeding the demo on a machine busy with other tests can take a minute;
  // the pressure guard would turn the pages' first calls away meanwhile.
  const env = { DATA_DIR: dataDir, DEMO: options.demo === false ? '0' : '1', WEB_ROOT: WEB_DIST, SCHEDULER: '0', PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0', ...options.env };
  const server = await startServer(env, 120_000);
  return {
    url: server.url,
    async stop() {
      await stopServer(server.child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Everything a page does wrong that a person might not see: console errors,
 * uncaught exceptions, failed requests, and answers of 400 and above other
 * than those the test expects.
 */
export function watchPage(page: Page, expected: (status: number, url: string) => boolean = () => false): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A resource's failure is reported below with its address and status.
    if (message.text().startsWith('Failed to load resource')) return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const why = request.failure()?.errorText ?? '';
    if (why.includes('ERR_ABORTED')) return; // a navigation or an abandoned older load
    problems.push(`request failed: ${request.method()} ${request.url()} ${why}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !expected(response.status(), response.url())) {
      problems.push(`answer ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
  return problems;
}

/** A browser context whose pages send the session cookie of the account, signed in through the API. */
export async function signedInContext(browser: Browser, url: string, account: string, viewport = { width: 1440, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const answer = await context.request.post(`${url}/api/session`, {
    headers: { 'x-huiyin-request': '1' },
    data: { account, password: DEMO_PASSWORD },
  });
  if (!answer.ok()) throw new Error(`could not sign in as ${account}: ${answer.status()} ${await answer.text()}`);
  return context;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = readFile(join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: await axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A full-page screenshot under test/artifacts/ (ignored by git), for a person to review. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}-${page.viewportSize()?.width ?? 0}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The two widths every page is looked at: a phone and a desk. */
export const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1440, height: 900 },
] as const;

/** A page as a reviewer meets it: settled, with no serious or critical accessibility finding, and its screenshot kept. */
export async function lookedAt(t: Test, page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  t.same(await seriousViolations(page), [], `${name}: no serious or critical accessibility violations`);
  await screenshot(page, name);
}

/** A demo server and a browser for one test file, both gone when the file ends. */
export async function webSuite(t: Test, options: Parameters<typeof startWebServer>[0] = {}): Promise<{ server: WebServer; browser: Browser }> {
  const server = await startWebServer(options);
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  t.teardown(async () => {
    await browser.close();
    await server.stop();
  });
  return { server, browser };
}

/**
 * The one refusal a signed-out page meets on purpose: asking who is signed
 * in (and a wrong password, at the same address) answers 401.
 */
export const nobodySignedIn = (status: number, url: string): boolean => status === 401 && new URL(url).pathname === '/api/session';
