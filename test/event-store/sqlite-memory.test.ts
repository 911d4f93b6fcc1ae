import t from 'tap';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { eventStoreConformance } from './conformance.js';

// Every store in memory is a log of its own.
void eventStoreConformance(t, 'sqlite in memory', () => openSqliteEventStore({ path: ':memory:' }), { sharedLog: false });
