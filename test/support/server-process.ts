import type { ChildProcess } from 'node:child_process';
import { spawnServer } from '../../services/bench/spawn-server.js';
import { childEnv } from './child-env.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exited: Promise<number | string>;
}

/** Starts `services/server.ts` as a real child process and resolves once it answers. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const { url, child } = await spawnServer('services/server.ts', { DEMO: '0', LOG_LEVEL: 'warn', ...env }, '/healthz', childEnv());
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, url, exited };
}
