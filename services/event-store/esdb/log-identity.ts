import { randomUUID } from 'node:crypto';
import { HuiyinError } from '../../../contracts/errors.js';
import type { Connection } from './client.js';
import { toStoreError } from './errors.js';

/**
 * EventStoreDB has no place for a log's own identity, so it is the first
 * event of a stream of its own. Not a `$` stream, whose writing a
 * deployment's user may not be granted; the adapter leaves it out of every
 * read, subscription and head as it does the server's own events.
 */
export const LOG_IDENTITY_STREAM = 'huiyin-log';
const CREATED = 'LogCreated';

async function readLogId(connection: Connection): Promise<string | undefined> {
  try {
    const [first] = await connection.readStream(LOG_IDENTITY_STREAM, { backwards: false, from: 'start', maxCount: 1 });
    const logId = (first?.data as { logId?: unknown } | undefined)?.logId;
    if (typeof logId !== 'string') throw new HuiyinError('INTERNAL', `${LOG_IDENTITY_STREAM} does not start with the log's identity`);
    return logId;
  } catch (error) {
    const mapped = toStoreError(error, { streamName: LOG_IDENTITY_STREAM });
    if ((mapped as HuiyinError).code === 'STORE.STREAM_NOT_FOUND') return undefined;
    throw mapped;
  }
}

/**
 * The log's identity, written the first time any instance asks: with
 * `no_stream`, so of two instances asking at once on a new log one writes
 * and the other reads what it wrote, and both answer the same.
 */
export async function readOrCreateLogId(connection: Connection): Promise<string> {
  const existing = await readLogId(connection);
  if (existing) return existing;
  const logId = randomUUID();
  const created = { id: randomUUID(), type: CREATED, data: { logId, createdAt: new Date().toISOString() }, metadata: {} };
  try {
    await connection.append(LOG_IDENTITY_STREAM, [created], 'no_stream');
    return logId;
  } catch (error) {
    const mapped = toStoreError(error, { streamName: LOG_IDENTITY_STREAM, expected: 'no_stream' });
    if ((mapped as HuiyinError).code !== 'STORE.WRONG_EXPECTED_REVISION') throw mapped;
    const winner = await readLogId(connection);
    if (!winner) throw mapped;
    return winner;
  }
}
