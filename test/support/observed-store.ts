import type { EventStore } from '../../contracts/event-store.js';
import { WrongExpectedRevisionError } from '../../contracts/errors.js';

/**
 * A real store with counters around it, so tests can see how much a command
 * read and how many appends met a conflict. Behaviour is the store's own.
 */
export function observed(store: EventStore) {
  const counts = { streamReads: 0, eventsRead: 0, appends: 0, conflicts: 0, allReads: 0 };
  const wrapped: EventStore = {
    async appendToStream(name, events, options) {
      counts.appends++;
      try {
        return await store.appendToStream(name, events, options);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) counts.conflicts++;
        throw error;
      }
    },
    async readStream(name, options) {
      counts.streamReads++;
      const events = await store.readStream(name, options);
      counts.eventsRead += events.length;
      return events;
    },
    readAll: (options) => {
      counts.allReads++;
      return store.readAll(options);
    },
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    logId: () => store.logId(),
    close: () => store.close(),
  };
  return { store: wrapped, counts };
}
