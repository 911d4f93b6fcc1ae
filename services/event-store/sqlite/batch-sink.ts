import type Database from 'better-sqlite3';
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
