import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Area, Deputy, DirectoryLookup, EntryKind, Station } from '../../contracts/directory.js';
import { CommandInvalidError, type FieldIssue } from '../../contracts/errors.js';
import type { EventStore } from '../../contracts/event-store.js';
import { openReadModelDb } from '../../projections/db.js';
import { directoryProjection, listAreas, listDeputies, listStations } from '../../projections/directory/index.js';
import { startProjection, type ProjectionRunner } from '../../projections/runner.js';
import { EntryBook, notFound, type CommandMeta, type Entry, type HistoryEvent, type WriteResult } from './entries.js';

export type { CommandMeta, Entry, HistoryEvent, WriteResult } from './entries.js';

/** How long a list waits for the read model to show the latest write before answering anyway. */
const READ_YOUR_WRITES_MS = 2_000;

export interface Directory extends DirectoryLookup {
  area(code: string): Promise<Area | undefined>;
  /** The entry as its stream says now, with the revision for ETags. */
  get<K extends EntryKind>(kind: K, id: string): Promise<Entry<K> | undefined>;
  /** Registers a new entry; 409 DIRECTORY.ALREADY_EXISTS if the id is taken. */
  register<K extends EntryKind>(kind: K, record: unknown, meta: CommandMeta): Promise<WriteResult<K>>;
  /** Applies a partial change; 404 if there is no such entry, 400 if it changes nothing. */
  update<K extends EntryKind>(kind: K, id: string, change: unknown, meta: CommandMeta): Promise<WriteResult<K>>;
  /** Every event of the entry's stream, oldest first. */
  history(kind: EntryKind, id: string): Promise<HistoryEvent[]>;
  listAreas(filter?: { area?: string }): Promise<Area[]>;
  listStations(filter?: { area?: string }): Promise<Station[]>;
  listDeputies(filter?: { station?: string; area?: string }): Promise<Deputy[]>;
  /** The read model behind the lists. */
  readonly readModel: Pick<ProjectionRunner, 'position' | 'waitFor'>;
  close(): Promise<void>;
}

export interface DirectoryOptions {
  store: EventStore;
  /** SQLite file for the read model, or ':memory:' to rebuild it from the log at every start. */
  readModelsPath: string;
  onProjectionError?: (error: unknown) => void;
  /** The clock for lookup freshness (tests move it). */
  now?: () => number;
}

/**
 * Checks that what an entry points at exists, from the streams themselves
 * (entries are never removed, so a check cannot go stale).
 */
async function checkReferences(book: EntryBook, kind: EntryKind, data: Record<string, unknown>): Promise<void> {
  const issues: FieldIssue[] = [];
  if (kind === 'station' && typeof data.areaCode === 'string' && !(await book.get('area', data.areaCode))) {
    issues.push({ path: 'data.areaCode', message: `no area ${data.areaCode} is registered` });
  }
  if (kind === 'deputy' && Array.isArray(data.stationIds)) {
    const ids = data.stationIds as string[];
    const found = await Promise.all(ids.map((id) => book.get('station', id)));
    found.forEach((station, i) => {
      if (!station) issues.push({ path: `data.stationIds.${i}`, message: `no station ${ids[i]} is registered` });
    });
  }
  if (issues.length > 0) throw new CommandInvalidError(kind, issues);
}

export async function createDirectory(options: DirectoryOptions): Promise<Directory> {
  const { store, readModelsPath } = options;
  if (readModelsPath !== ':memory:') await mkdir(dirname(readModelsPath), { recursive: true });
  const db = openReadModelDb(readModelsPath);
  const runner = startProjection(db, store, directoryProjection, { onError: options.onProjectionError });
  const book = new EntryBook(store, options.now);
  // Lists wait for the log as it stood at start, then for every write made
  // here, so an administrator sees their own change at once.
  let lastWrite = await store.headPosition();
  const written = <K extends EntryKind>(result: WriteResult<K>) => {
    lastWrite = Math.max(lastWrite, result.position);
    return result;
  };
  const fresh = async () => {
    await runner.waitFor(lastWrite, READ_YOUR_WRITES_MS);
    return db;
  };
  let closing: Promise<void> | undefined;

  return {
    area: async (code) => (await book.get('area', code))?.record,
    station: async (id) => (await book.get('station', id))?.record,
    deputy: async (id) => (await book.get('deputy', id))?.record,
    get: (kind, id) => book.get(kind, id),
    async register(kind, record, meta) {
      const data = book.parse(kind, 'register', record);
      await checkReferences(book, kind, data);
      return written(await book.register(kind, data, meta));
    },
    async update(kind, id, change, meta) {
      if (!EntryBook.isValidId(kind, id)) throw notFound(kind, id);
      const data = book.parse(kind, 'update', change);
      // A missing entry is a 404 before any complaint about what it points at.
      if (!(await book.get(kind, id))) throw notFound(kind, id);
      await checkReferences(book, kind, data);
      return written(await book.update(kind, id, data, meta));
    },
    history: (kind, id) => book.history(kind, id),
    listAreas: async (filter = {}) => listAreas(await fresh(), filter),
    listStations: async (filter = {}) => listStations(await fresh(), filter),
    listDeputies: async (filter = {}) => listDeputies(await fresh(), filter),
    readModel: { position: () => runner.position(), waitFor: (position, timeoutMs) => runner.waitFor(position, timeoutMs) },
    close() {
      closing ??= runner.close().finally(() => db.close());
      return closing;
    },
  };
}
