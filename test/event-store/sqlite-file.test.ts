import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { eventStoreConformance } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'huiyin-store-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

// One file for every test, as a shared EventStoreDB server would be: no test
// may rely on an empty log.
void eventStoreConformance(t, 'sqlite file', () => openSqliteEventStore({ path: join(dir, 'events.sqlite') }));
