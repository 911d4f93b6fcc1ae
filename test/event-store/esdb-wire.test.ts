import t from 'tap';
import { openEsdbEventStore } from '../../services/event-store/esdb/index.js';
import { startEsdbTestServer } from '../support/esdb-wire/server.js';
import { eventStoreConformance } from './conformance.js';

// The adapter through the real client and real gRPC, against the wire-level
// test server; one server for every test, as a shared EventStoreDB would be.
const server = await startEsdbTestServer();
t.teardown(() => server.close());

void eventStoreConformance(t, 'eventstoredb over the wire', () => openEsdbEventStore({ url: server.url }));
