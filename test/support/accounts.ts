import type { EventStore } from '../../contracts/event-store.js';
import { EntryBook } from '../../services/directory/entries.js';
import { openEventStore } from '../../services/event-store/open-store.js';

/** Rights come from the directory: a test's first administrator is registered in the log before anyone signs in. */
export async function registerAccount(store: EventStore, account: Record<string, unknown>): Promise<void> {
  const book = new EntryBook(store);
  await book.register('account', book.parse('account', 'register', account), { id: 'test-setup', role: 'system' }, { now: new Date().toISOString() });
}

/** The same, into the log under a data directory no server holds open yet. */
export async function registerAccountIn(dataDir: string, account: Record<string, unknown>): Promise<void> {
  const store = await openEventStore({ dataDir, env: {} });
  try {
    await registerAccount(store, account);
  } finally {
    await store.close();
  }
}
