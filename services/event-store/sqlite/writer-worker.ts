import { parentPort, workerData } from 'node:worker_threads';
import { BatchWriter } from './batch-writer.js';
import { packOutcomes, unpackRequests, type PackedRequests } from './posted-batch.js';
import { openDatabase } from './schema.js';

/**
 * The writer thread: owns the one write connection, commits each batch in
 * one transaction and answers only after SQLite's fsync has returned, so
 * the event loop serving requests never waits on the disk.
 */
const db = openDatabase((workerData as { path: string }).path);
const writer = new BatchWriter(db);

parentPort!.on('message', (message: { id: number; requests: PackedRequests } | { close: true }) => {
  if ('close' in message) {
    db.close();
    parentPort!.postMessage({ closed: true });
    return;
  }
  const outcomes = packOutcomes(writer.writeBatch(unpackRequests(message.requests)));
  parentPort!.postMessage({ id: message.id, outcomes, transactions: writer.transactions, appends: writer.appends });
});
