import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../services/bench/spawn-server.js';
import { childEnv } from '../support/child-env.js';

/** `services/server.ts` in a process of its own, with its log lines (stdout) kept. */
export interface LoggedServer {
  child: ChildProcess;
  url: string;
  /** Every line written to stdout so far, parsed when it is JSON. */
  lines(): Array<Record<string, unknown>>;
  /** Raw stdout and stderr, for what is not a log line (a stack trace would be). */
  output(): string;
  /** The exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | string>;
}

/** Starts the server; `uid`/`gid` run it as another user (to meet a directory it may not write). */
export async function spawnLogged(env: Record<string, string>, as: { uid?: number; gid?: number } = {}): Promise<LoggedServer> {
  const port = await freePort();
  const childEnvironment = childEnv({ HOST: '127.0.0.1', PORT: String(port), DEMO: '0', LOG_LEVEL: 'info', ...env });
  // tap's process-info hook (which tap adds to every child) writes under
  // its cwd's .tap/ at exit; another user needs a place it may write.
  const scratch = as.uid === undefined ? undefined : mkdtempSync(join(tmpdir(), 'huiyin-processinfo-'));
  if (scratch) {
    chmodSync(scratch, 0o777);
    childEnvironment._TAPJS_PROCESSINFO_CWD_ = scratch;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/server.ts'], {
    env: childEnvironment,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...as,
  });
  let out = '';
  let all = '';
  child.stdout!.on('data', (chunk: Buffer) => ((out += chunk), (all += chunk)));
  child.stderr!.on('data', (chunk: Buffer) => (all += chunk));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  if (scratch) void exited.then(() => rmSync(scratch, { recursive: true, force: true }));
  const lines = () =>
    out
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          return { unparsed: line };
        }
      });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    lines,
    output: () => all,
    exited,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Resolves once the server answers /healthz, or rejects when it exits first or takes over 30 s. */
export async function untilUp(server: LoggedServer): Promise<void> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (gone) throw new Error(`the server exited: ${server.output()}`);
    if (await fetch(`${server.url}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.child.kill('SIGKILL');
  throw new Error('the server did not answer in 30 s');
}
