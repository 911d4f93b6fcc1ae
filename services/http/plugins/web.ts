import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { HuiyinError } from '../../../contracts/errors.js';
import { sendProblem } from '../problem.js';

export interface WebPluginOptions {
  /** The built web app (services/web/dist). */
  root: string;
}

/** Paths that belong to the API and its documents, never to a page. */
const notPages = /^\/(api|docs|health|documentation)(\/|$)/;

/**
 * The web app beside the API, from the one process: hashed assets are
 * cached for a year (their names change with their content), index.html is
 * revalidated every time so a new build is seen at once, and any other GET
 * of a page path answers index.html for the app's router to draw.
 */
export const webPlugin = fp<WebPluginOptions>(
  async (app, { root }) => {
    const indexFile = join(root, 'index.html');
    if (!existsSync(indexFile)) {
      app.log.warn({ root }, 'the web app is not built (npm run build:web): serving the API alone');
      return;
    }
    // Read again when a new build replaced it, so a page never names assets
    // that are gone; a stat per page load is cheap beside the page itself.
    let cached = { mtimeMs: 0, body: Buffer.alloc(0) };
    const indexHtml = (): Buffer => {
      const { mtimeMs } = statSync(indexFile);
      if (mtimeMs !== cached.mtimeMs) cached = { mtimeMs, body: readFileSync(indexFile) };
      return cached.body;
    };
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // Small text assets are sent gzip'd from a .gz made at build time.
      preCompressed: true,
      // Our own cache-control below, not the plugin's max-age=0.
      cacheControl: false,
      setHeaders(response, path) {
        const hashed = path.includes(`${join(root, 'assets')}`);
        response.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const page = (url: string) => !notPages.test(url) && !/\.[a-z0-9]+$/i.test(url.split('?')[0]!);
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split('?')[0]!;
      if (!page(path)) return sendProblem(reply, new HuiyinError('HTTP.NOT_FOUND', `no route GET ${path}`));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .send(indexHtml());
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml()),
    );
  },
  { name: 'huiyin-web' },
);
