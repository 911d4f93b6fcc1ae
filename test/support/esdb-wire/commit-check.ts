/**
 * EventStoreDB's decision on a write, before anything is written: the
 * expected-version check and the idempotency rules, as the server applies
 * them (its index committer's commit check), not as a client would like.
 *
 * - `any` and `stream_exists` retries are recognised through a bounded cache
 *   of committed event ids: when every id is found in this stream the write
 *   is idempotent; when only the first is, it is a wrong expected version;
 *   when the first is not, the events are new and get written.
 * - An exact expected version (or `no_stream`, i.e. -1) older than the
 *   stream's head is idempotent when the events at the following numbers
 *   carry exactly these ids, otherwise a wrong expected version.
 * - Writing no events never counts as a retry.
 */
export type Expected = 'any' | 'no_stream' | 'stream_exists' | number;

export interface StreamState {
  /** -1 when the stream has no events. */
  lastRevision: number;
  deleted: boolean;
  idAt(revision: number): string | undefined;
}

export type CommitDecision =
  | { kind: 'ok' }
  | { kind: 'idempotent'; firstRevision: number; lastRevision: number }
  | { kind: 'wrong-expected-version' }
  | { kind: 'deleted' };

const WRONG: CommitDecision = { kind: 'wrong-expected-version' };

export function checkCommit(
  stream: StreamState,
  expected: Expected,
  eventIds: string[],
  cachedRevision: (eventId: string) => number | undefined,
): CommitDecision {
  if (stream.deleted) return { kind: 'deleted' };
  const current = stream.lastRevision;
  if (expected === 'stream_exists' && current < 0) return WRONG;
  if (expected === 'any' || expected === 'stream_exists') return checkByCache(eventIds, cachedRevision);
  const expectedRevision = expected === 'no_stream' ? -1 : expected;
  if (expectedRevision < current) return checkByPosition(stream, expectedRevision, eventIds, cachedRevision);
  if (expectedRevision > current) return WRONG;
  return { kind: 'ok' };
}

function checkByCache(eventIds: string[], cachedRevision: (eventId: string) => number | undefined): CommitDecision {
  let first: number | undefined;
  let last: number | undefined;
  for (const id of eventIds) {
    const revision = cachedRevision(id);
    if (revision === undefined) return first === undefined ? { kind: 'ok' } : WRONG;
    first ??= revision;
    last = revision;
  }
  if (first === undefined || last === undefined) return { kind: 'ok' };
  return { kind: 'idempotent', firstRevision: first, lastRevision: last };
}

function checkByPosition(
  stream: StreamState,
  expectedRevision: number,
  eventIds: string[],
  cachedRevision: (eventId: string) => number | undefined,
): CommitDecision {
  let revision = expectedRevision;
  for (const id of eventIds) {
    revision += 1;
    if (cachedRevision(id) === revision || stream.idAt(revision) === id) continue;
    return WRONG;
  }
  if (revision === expectedRevision) return WRONG;
  return { kind: 'idempotent', firstRevision: expectedRevision + 1, lastRevision: revision };
}
