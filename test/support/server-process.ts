import type { ChildProcess } from 'node:child_process';
import { spawnServer } from '../../services/bench/spawn-server.js';
import { childEnv } from './child-env.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exited: Promise<number | string>;
}

/**
 * Starts `services/server.ts` as a real child process and resolves once it
 * answers. The web app is not served unless WEB_ROOT names a build: a test
 * of the API must not wait for, or race, a build of the pages.
 */
export async function startServer(env: Record<string, string>, timeoutMs?: number): Promise<ServerProcess> {
  const { url, child } = await spawnServer('services/server.ts', { DEMO: '0', LOG_LEVEL: 'warn', WEB: '0', ...env }, '/healthz', childEnv(), timeoutMs);
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, url, exited };
}
