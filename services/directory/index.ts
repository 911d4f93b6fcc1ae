import type { Actor } from '../../contracts/actor.js';
import { areaAndAbove } from '../../contracts/area.js';
import { categoryIdOf, type Area, type Category, type Deputy, type DirectoryLookup, type EntryKind, type Station } from '../../contracts/directory.js';
import { CommandInvalidError, type FieldIssue } from '../../contracts/errors.js';
import type { EventStore } from '../../contracts/event-store.js';
import type { HistoryEvent } from '../../contracts/history.js';
import { directoryProjection, listAreas, listCategories, listDeputies, listStations } from '../../projections/directory/index.js';
import type { ReadModels } from '../../projections/read-models.js';
import type { CommandRequest } from '../commands/envelope.js';
import { EntryBook, notFound, type Entry, type WriteResult } from './entries.js';

export type { Entry, WriteResult } from './entries.js';

export interface Directory extends DirectoryLookup {
  area(code: string): Promise<Area | undefined>;
  /** The entry as its stream says now, with the revision for ETags. */
  get<K extends EntryKind>(kind: K, id: string, options?: { fresh?: boolean }): Promise<Entry<K> | undefined>;
  /** Registers a new entry; 409 DIRECTORY.ALREADY_EXISTS if the id is taken. */
  register<K extends EntryKind>(kind: K, record: unknown, actor: Actor, request: CommandRequest): Promise<WriteResult<K>>;
  /** Applies a partial change; 404 if there is no such entry, 400 if it changes nothing. */
  update<K extends EntryKind>(kind: K, id: string, change: unknown, actor: Actor, request: CommandRequest): Promise<WriteResult<K>>;
  /** Every event of the entry's stream, oldest first. */
  history(kind: EntryKind, id: string): Promise<HistoryEvent[]>;
  listAreas(filter?: { area?: string }): Promise<Area[]>;
  listStations(filter?: { area?: string }): Promise<Station[]>;
  listDeputies(filter?: { station?: string; area?: string }): Promise<Deputy[]>;
  listCategories(filter?: { area?: string }): Promise<Category[]>;
}

export interface DirectoryOptions {
  store: EventStore;
  /** The shared read-model database the directory's lists are projected into. */
  readModels: ReadModels;
  /** The clock for lookup freshness (tests move it). */
  now?: () => number;
}

/**
 * Checks that what an entry points at exists, from the streams themselves
 * (entries are never removed, so a check cannot go stale).
 */
async function checkReferences(book: EntryBook, kind: EntryKind, data: Record<string, unknown>): Promise<void> {
  const issues: FieldIssue[] = [];
  const areaCode = data.areaCode;
  if ((kind === 'station' || kind === 'category') && typeof areaCode === 'string' && !(await book.get('area', areaCode))) {
    issues.push({ path: 'data.areaCode', message: `no area ${areaCode} is registered` });
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

/** A category's id follows from its area and code; the client never sends it. */
function withIdentity(kind: EntryKind, record: unknown): unknown {
  if (kind !== 'category' || typeof record !== 'object' || record === null) return record;
  const { areaCode, code } = record as { areaCode?: unknown; code?: unknown };
  return typeof areaCode === 'string' && typeof code === 'string' ? Object.assign({ id: categoryIdOf(areaCode, code) }, record) : record;
}

export function createDirectory(options: DirectoryOptions): Directory {
  const { store, readModels } = options;
  const runner = readModels.start(directoryProjection);
  const book = new EntryBook(store, options.now);
  const fresh = () => readModels.fresh(runner);
  const written = <K extends EntryKind>(result: WriteResult<K>) => {
    readModels.noteWrite(result.position);
    return result;
  };

  return {
    area: async (code) => (await book.get('area', code))?.record,
    station: async (id) => (await book.get('station', id))?.record,
    deputy: async (id) => (await book.get('deputy', id))?.record,
    async categoryFor(areaCode, code) {
      for (const area of areaAndAbove(areaCode)) {
        const found = await book.get('category', categoryIdOf(area, code));
        if (found) return found.record;
      }
      return undefined;
    },
    get: (kind, id, options) => book.get(kind, id, options),
    async register(kind, record, actor, request) {
      const data = book.parse(kind, 'register', withIdentity(kind, record));
      await checkReferences(book, kind, data);
      return written(await book.register(kind, data, actor, request));
    },
    async update(kind, id, change, actor, request) {
      if (!EntryBook.isValidId(kind, id)) throw notFound(kind, id);
      const data = book.parse(kind, 'update', change);
      // A missing entry is a 404 before any complaint about what it points at.
      if (!(await book.get(kind, id))) throw notFound(kind, id);
      await checkReferences(book, kind, data);
      return written(await book.update(kind, id, data, actor, request));
    },
    history: (kind, id) => book.history(kind, id),
    listAreas: async (filter = {}) => listAreas(await fresh(), filter),
    listStations: async (filter = {}) => listStations(await fresh(), filter),
    listDeputies: async (filter = {}) => listDeputies(await fresh(), filter),
    listCategories: async (filter = {}) => listCategories(await fresh(), filter),
  };
}
