import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** Boots the worker through tsx: slow (its own loader thread compiles every module), but always there. */
export const TSX_BOOT = new URL('./writer-worker-boot.mjs', import.meta.url);
const CACHE = new URL('../../../node_modules/.cache/huiyin/', import.meta.url);

let entry: URL | undefined;

/**
 * The writer thread's entry as one plain ES module, built once per process
 * and kept by the hash of its text. A worker does not inherit the
 * TypeScript loader on Node 20, and booting tsx in each thread took 0.5–2 s
 * per store (most of the event-store tests' time); the bundle boots in
 * milliseconds. Packages stay imports, resolved from node_modules above the
 * cache. Where the bundle cannot be built or written, tsx boots it.
 */
export function writerWorkerEntry(): URL {
  entry ??= bundle();
  return entry;
}

function bundle(): URL {
  try {
    const built = buildSync({
      entryPoints: [fileURLToPath(new URL('./writer-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const code = built.outputFiles[0]!.contents;
    const file = new URL(`writer-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`, CACHE);
    if (!existsSync(file)) {
      mkdirSync(CACHE, { recursive: true });
      // Written aside and renamed: processes starting at once never read half a file.
      const partial = fileURLToPath(file) + `.${process.pid}.partial`;
      writeFileSync(partial, code);
      renameSync(partial, file);
    }
    return file;
  } catch (error) {
    process.emitWarning(`the writer thread boots through tsx (slower): its bundle could not be built (${String(error)})`);
    return TSX_BOOT;
  }
}
