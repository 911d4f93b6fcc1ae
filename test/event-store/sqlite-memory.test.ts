import t from 'tap';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { eventStoreConformance } from './conformance.js';

void eventStoreConformance(t, 'sqlite in memory', () => openSqliteEventStore({ path: ':memory:' }));
