import type Database from 'better-sqlite3';
import { BatchWriter, type AppendOutcome } from './batch-writer.js';
import { lostLogError, type LogFileWatch } from './log-file-watch.js';
import type { AppendRequest } from '../validate.js';

/** Where batches of appends get committed: in this thread, or in a writer thread. */
export interface BatchSink {
  write(requests: AppendRequest[]): Promise<AppendOutcome[]>;
  stats(): { transactions: number; appends: number };
  /** Why the sink can take no more writes (its writer thread died, its file is lost), if it cannot. */
  failure(): Error | undefined;
  close(): Promise<void>;
}

/**
 * Commits a batch unless the log's file is lost, which is looked at first
 * (where the commit runs, so a writer thread pays for it, not the event
 * loop): then the batch fails whole, and `lost` says why.
 */
export function commitUnlessLost(
  writer: BatchWriter,
  watch: LogFileWatch | undefined,
  requests: AppendRequest[],
): { outcomes: AppendOutcome[]; lost?: string } {
  const lost = watch?.problem();
  if (lost === undefined) return { outcomes: writer.writeBatch(requests) };
  const error = lostLogError(watch!.path, lost);
  return { outcomes: requests.map(() => ({ ok: false, error })), lost };
}

/** For ':memory:' stores (a worker cannot share one) and for tests. */
export function inThreadSink(db: Database.Database, watch?: LogFileWatch): BatchSink {
  const writer = new BatchWriter(db);
  let failure: Error | undefined;
  return {
    write: async (requests) => {
      if (failure) return requests.map(() => ({ ok: false, error: failure! }));
      const { outcomes, lost } = commitUnlessLost(writer, watch, requests);
      if (lost !== undefined) failure = lostLogError(watch!.path, lost);
      return outcomes;
    },
    stats: () => ({ transactions: writer.transactions, appends: writer.appends }),
    failure: () => failure,
    close: async () => {},
  };
}
