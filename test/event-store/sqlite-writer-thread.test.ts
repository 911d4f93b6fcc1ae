import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { eventStoreConformance } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'huiyin-store-thread-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

// The same rules hold when commits run in a writer thread, as the service's
// do. A thread boots for every store (about a second), so the reads,
// subscriptions and log identity run in sqlite-writer-thread-reads.test.ts.
void eventStoreConformance(t, 'sqlite file, writer thread', () => openSqliteEventStore({ path: join(dir, 'events.sqlite'), writerThread: true }), {
  only: ['append', 'idempotent retries', 'concurrent appends', 'validation'],
});
