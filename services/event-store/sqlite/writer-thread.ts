import { Worker } from 'node:worker_threads';
import { HuiyinError } from '../../../contracts/errors.js';
import type { AppendOutcome } from './batch-writer.js';
import type { BatchSink } from './batch-sink.js';
import { lostLogError } from './log-file-watch.js';
import { packRequests, unpackOutcomes, type PackedOutcomes } from './posted-batch.js';
import { writerWorkerEntry } from './writer-bundle.js';

type Reply = { id: number; outcomes: PackedOutcomes; transactions: number; appends: number; lost?: string } | { closed: true };

/**
 * A batch sink backed by a worker thread holding the write connection.
 * `boot` is the worker's entry module (tests boot one that fails).
 */
export function writerThreadSink(path: string, boot?: URL): BatchSink {
  // No inherited flags: a test runner's or profiler's loaders would boot in
  // every thread (seconds each under tap); the entry needs none.
  const worker = new Worker(boot ?? writerWorkerEntry(), { workerData: { path }, execArgv: [] });
  const pending = new Map<number, (outcomes: AppendOutcome[]) => void>();
  let nextId = 0;
  let counters = { transactions: 0, appends: 0 };
  let onClosed: (() => void) | undefined;
  let closing = false;
  let failure: Error | undefined;
  // The file is lost: the thread lives on, but nothing more is written.
  let lost: Error | undefined;

  worker.on('message', (reply: Reply) => {
    if ('closed' in reply) return onClosed?.();
    counters = { transactions: reply.transactions, appends: reply.appends };
    if (reply.lost !== undefined) lost ??= lostLogError(path, reply.lost);
    pending.get(reply.id)?.(unpackOutcomes(reply.outcomes));
    pending.delete(reply.id);
  });
  const failAll = (error: Error) => {
    // The first cause is the one to report: an 'error' is followed by an 'exit'.
    if (closing || failure) return;
    failure = new HuiyinError('STORE.UNAVAILABLE', 'the event-store writer stopped', { reason: error.message });
    for (const [id, settle] of pending) {
      settle([{ ok: false, error: failure }]);
      pending.delete(id);
    }
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`writer thread exited with ${code}`)));

  return {
    write(requests) {
      const refusal = failure ?? lost;
      if (refusal) return Promise.resolve(requests.map(() => ({ ok: false as const, error: refusal })));
      const id = nextId++;
      return new Promise<AppendOutcome[]>((resolve) => {
        // A failure message carries one outcome for the whole batch.
        pending.set(id, (outcomes) => resolve(outcomes.length === requests.length ? outcomes : requests.map(() => outcomes[0]!)));
        worker.postMessage({ id, requests: packRequests(requests) });
      });
    },
    stats: () => counters,
    failure: () => failure ?? lost,
    async close() {
      if (failure) return;
      closing = true;
      await new Promise<void>((resolve) => {
        onClosed = resolve;
        worker.postMessage({ close: true });
      });
      await worker.terminate();
    },
  };
}
