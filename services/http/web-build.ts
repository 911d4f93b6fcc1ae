import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest modification time of any file under the given paths. */
function newest(paths: string[]): number {
  let latest = 0;
  const visit = (path: string): void => {
    const info = statSync(path);
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else latest = Math.max(latest, info.mtimeMs);
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return latest;
}

/**
 * The web app is built when the project is installed (npm's prepare). If
 * its build is missing or older than its sources (a checkout changed them
 * since), it is built again here, before the server listens, so the pages
 * served always match the API beside them.
 */
export async function ensureWebBuilt(projectRoot: string, log: { info(obj: object, msg: string): void }): Promise<string> {
  const web = join(projectRoot, 'services', 'web');
  const dist = join(web, 'dist');
  const index = join(dist, 'index.html');
  const sources = [join(web, 'src'), join(web, 'index.html'), join(web, 'vite.config.ts'), join(projectRoot, 'contracts')];
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > newest(sources)) return dist;
  const started = Date.now();
  await run(process.execPath, [join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', join(web, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: projectRoot,
    env: { ...process.env, WEB_OUT_DIR: dist },
  });
  log.info({ ms: Date.now() - started }, built ? 'rebuilt the web app: its sources changed' : 'built the web app');
  return dist;
}
