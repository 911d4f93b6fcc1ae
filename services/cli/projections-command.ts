import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '../../contracts/event-store.js';
import { storedCheckpoints } from '../../projections/checkpoint.js';
import { isReadModelFileHeld, ReadModelsHeldError } from '../../projections/db.js';
import { ReadModels } from '../../projections/read-models.js';
import { keyOf, type Projection } from '../../projections/runner.js';
import { lagOf } from '../../projections/status.js';
import { dropProjection, isBuilt } from '../../projections/tables.js';
import { openEventStore } from '../event-store/open-store.js';
import { allProjections } from '../read-side/projections.js';

const usage = 'usage: npm run cli -- projections list | projections rebuild [NAME]';
const PROGRESS_EVERY_MS = 1_000;

const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm run cli -- projections list`: each projection's checkpoint and lag, read
 * from the read-model file without changing it.
 * `npm run cli -- projections rebuild [NAME]`: drops the named projection's
 * tables and checkpoint (every projection's without a name) and builds it
 * again from position 0, printing progress.
 *
 * The service holds the read-model file exclusively while it runs (db.ts),
 * so neither can run beside it: the command says so and exits 1, rather
 * than drop tables a running service reads from. Stop the service, rebuild,
 * start it; or, with the service running, see GET /api/projections.
 */
export async function projectionsCommand(args: string[]): Promise<number> {
  const [verb, name, ...extra] = args;
  if ((verb !== 'list' && verb !== 'rebuild') || extra.length > 0 || (verb === 'list' && name !== undefined)) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const all = allProjections();
  const chosen = name === undefined ? all : all.filter((p) => p.name === name || keyOf(p) === name);
  if (chosen.length === 0) {
    process.stderr.write(`no projection called ${name}; there are ${all.map(keyOf).join(', ')}\n${usage}\n`);
    return 2;
  }
  const dataDir = process.env.DATA_DIR ?? './data';
  const path = join(dataDir, 'read-models.sqlite');
  if (existsSync(path) && isReadModelFileHeld(path)) return held(path);
  const store = await openEventStore({ dataDir });
  try {
    return verb === 'list' ? await list(store, path, all) : await rebuild(store, path, chosen);
  } catch (error) {
    if (error instanceof ReadModelsHeldError) return held(path);
    throw error;
  } finally {
    await store.close();
  }
}

function held(path: string): number {
  process.stderr.write(
    `${path} is in use by another process, most likely the running service: stop it first ` +
      '(GET /api/projections shows a running service’s projections)\n',
  );
  return 1;
}

async function list(store: EventStore, path: string, all: Projection[]): Promise<number> {
  const db = existsSync(path) ? new Database(path, { readonly: true, timeout: 0 }) : undefined;
  try {
    const stored = new Map(db ? storedCheckpoints(db).checkpoints.map((c) => [c.projection, c.position]) : []);
    say(`log head: position ${await store.headPosition()}`);
    for (const projection of all) {
      const position = stored.get(keyOf(projection));
      if (position === undefined) {
        say(`${keyOf(projection)}  not built`);
        continue;
      }
      const lag = await lagOf(store, { position: () => position, projection });
      say(`${keyOf(projection)}  position ${position}  lagEvents ${lag.lagEvents ?? 'unknown'}  lagMs ${lag.lagMs ?? 'unknown'}`);
    }
  } finally {
    db?.close();
  }
  return 0;
}

async function rebuild(store: EventStore, path: string, chosen: Projection[]): Promise<number> {
  const models = await ReadModels.open(store, path);
  try {
    if (models.origin.dropped) say(`${models.origin.dropped}; every projection is built afresh`);
    const head = await store.headPosition();
    say(`log head: position ${head}`);
    for (const projection of chosen) {
      const started = Date.now();
      // An older version still in the file would take over nothing now: this one is built whole.
      if (projection.previous && isBuilt(models.db, projection.previous)) dropProjection(models.db, projection.previous);
      dropProjection(models.db, projection);
      const runner = models.start({ ...projection, previous: undefined });
      let shown = started;
      runner.onAdvance((position) => {
        if (Date.now() - shown < PROGRESS_EVERY_MS) return;
        shown = Date.now();
        say(`${runner.key}: position ${position} of ${head}`);
      });
      if (!(await runner.caughtUp)) {
        const failure = runner.failure();
        process.stderr.write(`${runner.key} stopped: ${failure?.message ?? 'closed'}` +
          `${failure?.event ? ` at position ${failure.event.position} (${failure.event.stream}, ${failure.event.type})` : ''}\n`);
        return 1;
      }
      say(`${runner.key}: rebuilt to position ${runner.position()} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await models.close();
  }
  return 0;
}
