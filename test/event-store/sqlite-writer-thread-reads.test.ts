import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { eventStoreConformance } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'huiyin-store-thread-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

// The rest of the suite with commits in a writer thread (see sqlite-writer-thread.test.ts).
void eventStoreConformance(t, 'sqlite file, writer thread', () => openSqliteEventStore({ path: join(dir, 'events.sqlite'), writerThread: true }), {
  only: ['reads', 'subscriptions', 'log identity'],
});
