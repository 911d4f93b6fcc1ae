import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { HuiyinError } from '../contracts/errors.js';
import type { EventStore } from '../contracts/event-store.js';
import { setDemoPasswords } from './demo/demo-sign-in.js';
import { seedDemo } from './demo/seed.js';
import { seedStationWork } from './demo/station-work.js';
import { StartupProblem } from './startup-problem.js';


const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Makes sure DATA_DIR exists and can be written, before anything is opened
 * in it: otherwise the first to fail would be SQLite's "unable to open
 * database file", which names neither the path nor the cause.
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  const where = resolve(dataDir);
  try {
    await mkdir(where, { recursive: true });
  } catch (error) {
    throw new StartupProblem(`DATA_DIR ${where} cannot be created: ${reasonOf(error)}`);
  }
  const probe = join(where, `.write-check-${process.pid}`);
  try {
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    throw new StartupProblem(`DATA_DIR ${where} cannot be written: ${reasonOf(error)}`);
  }
}

// File-system failures whose message names the path and the cause already.
const FILE_SYSTEM = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EEXIST', 'ENOENT', 'EISDIR']);

/**
 * The one line to log when the start fails for a reason the operator can
 * act on — a data directory, a damaged or unreachable event log — or
 * undefined for anything else, which is logged with its stack as a bug.
 */
export function operatorMessage(error: unknown): string | undefined {
  if (error instanceof StartupProblem) return error.message;
  if (error instanceof HuiyinError && (error.code === 'STORE.UNAVAILABLE' || error.code === 'STORE.CORRUPT')) return error.message;
  const { code, path } = error as { code?: unknown; path?: unknown };
  if (typeof code === 'string' && FILE_SYSTEM.has(code) && typeof path === 'string') return `cannot use ${path}: ${reasonOf(error)}`;
  return undefined;
}

/**
 * Seeds the demo into a log that was never written — and never into an
 * empty log that the read models say had events: that is a lost log, and a
 * demo written over it would hide the loss and take its positions.
 */
export async function seedDemoIfNew(app: FastifyInstance, store: EventStore, logger: FastifyBaseLogger): Promise<void> {
  if ((await store.headPosition()) !== 0) return;
  const { replacedLogs, logId } = app.readModels.origin;
  if (replacedLogs.length > 0) {
    logger.error(
      { logId, replacedLogs },
      'the event log is empty, but the read models were built from a log that had events: not seeding the demo over a lost log ' +
        '(restore the log, or remove read-models.sqlite from DATA_DIR to start afresh)',
    );
    return;
  }
  // The demo goes through the same commands people use, before anyone can connect.
  const seeded = await seedDemo(app.directory, app.cases);
  // The demo's people sign in to the web app with the demo password (GET /api/session/demo-accounts lists them).
  const passwords = await setDemoPasswords(app.credentials);
  // The stations' daily work needs the read side's capabilities (off only in a benchmark).
  const work = app.hasDecorator('appointments')
    ? await seedStationWork({ store, receptions: app.receptions, visits: app.visits, appointments: app.appointments }, new Date().toISOString())
    : {};
  logger.info({ ...seeded, ...work, passwords }, 'seeded the demo data set (DEMO=0 skips it)');
}

/** WEBHOOK_URL and WEBHOOK_SECRET: where notifications go beyond the app; neither set: nowhere. */
export function webhookFromEnv(env: Record<string, string | undefined>): { url: string; secret: string } | undefined {
  const { WEBHOOK_URL: url, WEBHOOK_SECRET: secret } = env;
  if (!url) return undefined;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new StartupProblem(`WEBHOOK_URL must be an http(s) URL, not ${url}`);
  if (!secret || secret.length < 16) throw new StartupProblem('WEBHOOK_SECRET must be set, at least 16 characters, to sign what is sent to WEBHOOK_URL');
  return { url, secret };
}
