import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where generated event logs are kept between benchmark runs: making a million events takes minutes. */
export const CACHE_ROOT = process.env.BENCH_CACHE_DIR ?? join(tmpdir(), 'huiyin-bench-cache');

/**
 * A fingerprint of the code that decides what a cached log holds: the files
 * of `folders` (each file's path and bytes, in name order) and single files.
 * Editing the generator (or the events' contracts, or the log's schema)
 * changes it, and the next run makes the log anew.
 */
export function codeVersion(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    const files = path.endsWith('.ts') ? [path] : readdirSync(path).filter((f) => f.endsWith('.ts')).sort().map((f) => join(path, f));
    for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const VERSION_FILE = 'version';

/**
 * The directory `CACHE_ROOT/<name>` holding what `make` writes into it,
 * reused while its version file says `version`. It is made in a directory
 * of its own and renamed into place only once `make` has finished, so an
 * interrupted run leaves nothing that looks complete.
 */
export async function cachedDir(
  name: string,
  version: string,
  make: (dir: string) => Promise<void>,
  say: (line: string) => void = () => {},
): Promise<string> {
  const dir = join(CACHE_ROOT, name);
  const stamp = join(dir, VERSION_FILE);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return dir;
  if (existsSync(dir)) say(`${name}: cached for other code (or incomplete); making it anew`);
  const partial = join(CACHE_ROOT, `${name}.partial-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    await make(partial);
    writeFileSync(join(partial, VERSION_FILE), version);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  return dir;
}
