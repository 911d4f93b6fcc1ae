import type { EventStore } from '../contracts/event-store.js';
import type { ProjectionFailure } from './failure.js';
import type { ProjectionRunner, ProjectionState } from './projection.js';

/** A projection as an operator sees it (GET /api/projections, the CLI). */
export interface ProjectionStatus {
  name: string;
  version: number;
  position: number;
  /**
   * Events it reads that lie after its position; null where the store
   * cannot count them cheaply (EventStoreDB, while it is behind) or does not answer.
   */
  lagEvents: number | null;
  /** Now less the commit time of the first event it has not applied; 0 when it has applied all; null when the store does not answer. */
  lagMs: number | null;
  state: ProjectionState;
  /** Whether reads of `name` are answered from this version (false for one building beside it). */
  serving: boolean;
  error?: ProjectionFailure;
}

/**
 * The lag of a projection at `position`: the first event after it that its
 * filter takes says how old the backlog is; the count (where the store can
 * count on an index) says how long. Only events it reads count, so a
 * directory model does not look behind while cases are being written.
 */
export async function lagOf(
  store: EventStore,
  runner: Pick<ProjectionRunner, 'position' | 'projection'>,
  now = Date.now(),
): Promise<Pick<ProjectionStatus, 'lagEvents' | 'lagMs'>> {
  const position = runner.position();
  const filter = runner.projection.filter;
  try {
    const [next] = await store.readAll({ fromPosition: position + 1, maxCount: 1, filter });
    if (!next) return { lagEvents: 0, lagMs: 0 };
    const lagMs = Math.max(0, now - Date.parse(next.recordedAt));
    return { lagEvents: store.countAfter ? await store.countAfter(position, filter) : null, lagMs };
  } catch {
    return { lagEvents: null, lagMs: null };
  }
}

export async function statusOf(store: EventStore, runner: ProjectionRunner, serving: boolean): Promise<ProjectionStatus> {
  const failure = runner.failure();
  return {
    name: runner.projection.name,
    version: runner.projection.version,
    position: runner.position(),
    ...(await lagOf(store, runner)),
    state: runner.state(),
    serving,
    ...(failure ? { error: failure } : {}),
  };
}

/** Whether reads may be sent here: every model has caught up once since the start. */
export interface Readiness {
  ready: boolean;
  catchingUp: string[];
  failed: Array<{ projection: string } & ProjectionFailure>;
}
