import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventStore } from '../../contracts/event-store.js';
import { openSqliteEventStore } from './sqlite/index.js';

/** Opens the store the deployment is configured for: today always the embedded SQLite log. */
export async function openEventStore(options: { dataDir: string }): Promise<EventStore> {
  await mkdir(options.dataDir, { recursive: true });
  return openSqliteEventStore({ path: join(options.dataDir, 'events.sqlite') });
}
