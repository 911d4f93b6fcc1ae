import type Database from 'better-sqlite3';
import { HuiyinError, WrongExpectedRevisionError } from '../../../contracts/errors.js';
import { BatchWriter, type AppendOutcome } from './batch-writer.js';
import type { AppendRequest } from '../validate.js';

/** Where batches of appends get committed: in this thread, or in a writer thread. */
export interface BatchSink {
  write(requests: AppendRequest[]): Promise<AppendOutcome[]>;
  stats(): { transactions: number; appends: number };
  /** Why the sink can take no more writes (its writer thread died), if it cannot. */
  failure(): Error | undefined;
  close(): Promise<void>;
}

/** For ':memory:' stores (a worker cannot share one) and for tests. */
export function inThreadSink(db: Database.Database): BatchSink {
  const writer = new BatchWriter(db);
  return {
    write: async (requests) => writer.writeBatch(requests),
    stats: () => ({ transactions: writer.transactions, appends: writer.appends }),
    failure: () => undefined,
    close: async () => {},
  };
}

/** An outcome as it crosses a thread boundary: errors lose their classes in transit. */
export type PostedOutcome =
  | { ok: true; result: { nextExpectedRevision: number; position: number }; written: number }
  | { ok: false; error: { kind: 'wrong-revision'; streamName: string; expected: string | number; actual: number } }
  | { ok: false; error: { kind: 'huiyin'; code: HuiyinError['code']; message: string; details: Record<string, unknown> } };

export function toPosted(outcome: AppendOutcome): PostedOutcome {
  if (outcome.ok) return outcome;
  const { error } = outcome;
  if (error instanceof WrongExpectedRevisionError) {
    return { ok: false, error: { kind: 'wrong-revision', streamName: error.streamName, expected: error.expected, actual: error.actual } };
  }
  if (error instanceof HuiyinError) {
    return { ok: false, error: { kind: 'huiyin', code: error.code, message: error.message, details: error.details } };
  }
  return { ok: false, error: { kind: 'huiyin', code: 'STORE.UNAVAILABLE', message: error.message, details: {} } };
}

export function fromPosted(posted: PostedOutcome): AppendOutcome {
  if (posted.ok) return posted;
  const { error } = posted;
  if (error.kind === 'wrong-revision') {
    return { ok: false, error: new WrongExpectedRevisionError(error.streamName, error.expected, error.actual) };
  }
  return { ok: false, error: new HuiyinError(error.code, error.message, error.details) };
}
