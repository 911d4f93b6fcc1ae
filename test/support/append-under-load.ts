/**
 * Appends without end to a SQLite event store, many appends in flight, and
 * prints one JSON line per append only once its promise has resolved. The
 * durability test kills it with SIGKILL and checks every printed append.
 * Usage: node --import tsx test/support/append-under-load.ts <db file>
 */
import { randomUUID } from 'node:crypto';
import type { EventData, ExpectedRevision } from '../../contracts/event-store.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';

export interface AckedAppend {
  stream: string;
  /** Revision and position of the last event of the append. */
  revision: number;
  position: number;
  events: { id: string; type: string; data: EventData['data'] }[];
}

const WORKERS = 48;
const SHARED_STREAM = 'load-shared';

const path = process.argv[2];
if (!path) throw new Error('usage: append-under-load.ts <db file>');
const store = await openSqliteEventStore({ path, writerThread: process.argv[3] === 'writer-thread' });

function eventsFor(worker: number, sequence: number): EventData[] {
  const count = 1 + (sequence % 3 === 0 ? 1 : 0);
  return Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type: n === 0 ? 'LoadNoted' : 'LoadDoubled',
    data: { worker, sequence, n, text: `第${sequence}次 / ${'x'.repeat(sequence % 50)}` },
    metadata: { worker },
  }));
}

async function append(stream: string, events: EventData[], expectedRevision: ExpectedRevision): Promise<number> {
  const result = await store.appendToStream(stream, events, { expectedRevision });
  const acked: AckedAppend = {
    stream,
    revision: result.nextExpectedRevision,
    position: result.position,
    events: events.map(({ id, type, data }) => ({ id, type, data })),
  };
  // Writes to a pipe are synchronous on Linux: once this returns the parent can read it.
  process.stdout.write(`${JSON.stringify(acked)}\n`);
  return result.nextExpectedRevision;
}

async function worker(n: number): Promise<never> {
  const own = `load-w${n}`;
  let revision = -1;
  for (let sequence = 0; ; sequence += 1) {
    // Every fourth append goes to a stream all workers share, without a check.
    if (sequence % 4 === 3) {
      await append(SHARED_STREAM, eventsFor(n, sequence), 'any');
      continue;
    }
    revision = await append(own, eventsFor(n, sequence), revision === -1 ? 'no_stream' : revision);
  }
}

await Promise.all(Array.from({ length: WORKERS }, (_, n) => worker(n)));
