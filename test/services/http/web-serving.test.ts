import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import t, { type Test } from 'tap';
import { buildApp, type AppOptions } from '../../../services/http/app.js';
import { tokenService } from '../../../services/http/auth/tokens.js';
import { openTestStore } from '../../support/store-factory.js';

const INDEX = '<!doctype html><html lang="zh-CN"><body><div id="app"></div><script type="module" src="/assets/index-Ab12Cd34.js"></script></body></html>';
const SCRIPT = `console.log(${JSON.stringify('回音'.repeat(800))});`;

/** A built web app as Vite leaves it: index.html, hashed assets, and their .gz twins. */
async function builtApp(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'huiyin-dist-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), INDEX);
  await writeFile(join(root, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  await writeFile(join(root, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(SCRIPT));
  return root;
}

/** The app over a fresh store, serving `root`, closed with the test. */
async function servingApp(t: Test, root: string, limits: AppOptions['limits'] = {}) {
  const store = await openTestStore();
  const app = await buildApp({ store, tokens: tokenService('x'.repeat(32)), readSide: false, webRoot: root, limits });
  t.teardown(async () => {
    await app.close();
    await store.close();
    await rm(root, { recursive: true, force: true });
  });
  return app;
}

t.test('the web app is served beside the API from one process', async (t) => {
  const root = await builtApp();
  const app = await servingApp(t, root);

  const home = await app.inject({ url: '/' });
  t.equal(home.statusCode, 200);
  t.match(home.headers['content-type'], /text\/html/);
  t.equal(home.headers['cache-control'], 'no-cache', 'the page is revalidated, so a new build is seen at once');
  t.equal(home.body, INDEX);

  for (const path of ['/track/HY7K2M', '/cases/abc?tab=history', '/me/three-ones']) {
    const page = await app.inject({ url: path });
    t.equal(page.statusCode, 200, `${path} is a page of the app`);
    t.equal(page.body, INDEX, `${path} answers the app for its router to draw`);
  }

  const plain = await app.inject({ url: '/assets/index-Ab12Cd34.js' });
  t.equal(plain.statusCode, 200);
  t.equal(plain.body, SCRIPT);
  t.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable', 'a hashed asset never changes under its name');

  const zipped = await app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
  t.equal(zipped.headers['content-encoding'], 'gzip', 'the .gz made at build time is sent to a client that takes it');
  t.ok(Number(zipped.headers['content-length']) < Buffer.byteLength(SCRIPT) / 4);
});

t.test('API paths and missing files stay problems, never the app’s page', async (t) => {
  const root = await builtApp();
  const app = await servingApp(t, root);
  for (const path of ['/api/nothing-here', '/api', '/assets/missing-0000.js', '/favicon.ico', '/docs/nothing']) {
    const answer = await app.inject({ url: path });
    t.equal(answer.statusCode, 404, path);
    t.match(answer.headers['content-type'], /application\/problem\+json/, `${path} is a problem`);
  }
  const health = await app.inject({ url: '/healthz' });
  t.equal(health.statusCode, 200, 'the API beside the pages still answers');
  t.match(health.headers['content-type'], /json/);
});

t.test('without a build the service runs as the API alone', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'huiyin-nodist-'));
  const app = await servingApp(t, root);
  const home = await app.inject({ url: '/' });
  t.equal(home.statusCode, 404);
  t.match(home.headers['content-type'], /problem\+json/);
});

t.test('a page’s assets do not count against the per-address limit', async (t) => {
  const root = await builtApp();
  const app = await servingApp(t, root, { rateLimitAnonymous: 3 });
  for (let i = 0; i < 10; i++) t.equal((await app.inject({ url: '/assets/index-Ab12Cd34.js' })).statusCode, 200);
  const pages = [];
  for (let i = 0; i < 4; i++) pages.push((await app.inject({ url: '/' })).statusCode);
  t.same(pages, [200, 200, 200, 429], 'pages themselves are still counted');
});

t.test('a new build is served at once, without a restart', async (t) => {
  const root = await builtApp();
  const app = await servingApp(t, root);
  t.equal((await app.inject({ url: '/' })).body, INDEX);
  const next = INDEX.replace('index-Ab12Cd34.js', 'index-Ef56Gh78.js');
  await writeFile(join(root, 'index.html'), next);
  const later = new Date(Date.now() + 5000);
  await utimes(join(root, 'index.html'), later, later);
  t.equal((await app.inject({ url: '/cases/x' })).body, next, 'the page names the new build’s assets');
});
