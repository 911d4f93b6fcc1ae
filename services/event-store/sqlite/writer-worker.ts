import { parentPort, workerData } from 'node:worker_threads';
import { commitUnlessLost } from './batch-sink.js';
import { BatchWriter } from './batch-writer.js';
import { LogFileWatch } from './log-file-watch.js';
import { packOutcomes, unpackRequests, type PackedRequests } from './posted-batch.js';
import { openDatabase } from './schema.js';

/**
 * The writer thread: owns the one write connection, commits each batch in
 * one transaction and answers only after SQLite's fsync has returned, so
 * the event loop serving requests never waits on the disk. It also looks at
 * the file before each commit, so a lost log is never written into.
 */
const { path } = workerData as { path: string };
const db = openDatabase(path);
const writer = new BatchWriter(db);
const watch = new LogFileWatch(path);

parentPort!.on('message', (message: { id: number; requests: PackedRequests } | { close: true }) => {
  if ('close' in message) {
    watch.close();
    db.close();
    parentPort!.postMessage({ closed: true });
    return;
  }
  const { outcomes, lost } = commitUnlessLost(writer, watch, unpackRequests(message.requests));
  const counters = { transactions: writer.transactions, appends: writer.appends };
  parentPort!.postMessage({ id: message.id, outcomes: packOutcomes(outcomes), ...counters, ...(lost === undefined ? {} : { lost }) });
});
