import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventStore } from '../../contracts/event-store.js';
import { openEsdbEventStore } from './esdb/index.js';
import { openSqliteEventStore } from './sqlite/index.js';

/**
 * Opens the store the deployment is configured for: EventStoreDB (or
 * KurrentDB) when EVENTSTORE_URL is set, otherwise the embedded SQLite log
 * under the data directory. An unreachable EventStoreDB fails here, at
 * start, with a STORE.UNAVAILABLE error naming the server.
 */
export async function openEventStore(options: {
  dataDir: string;
  env?: Record<string, string | undefined>;
}): Promise<EventStore> {
  const env = options.env ?? process.env;
  const url = env.EVENTSTORE_URL?.trim();
  if (url) return openEsdbEventStore({ url });
  await mkdir(options.dataDir, { recursive: true });
  // Commits in a writer thread unless SQLITE_WRITER_THREAD is 0 (or false,
  // off): fsyncs stay off the event loop; measured steadier and with a lower
  // p99 (docs/performance.md).
  const writerThread = !['0', 'false', 'off'].includes(env.SQLITE_WRITER_THREAD?.trim().toLowerCase() ?? '');
  return openSqliteEventStore({ path: join(options.dataDir, 'events.sqlite'), writerThread });
}
