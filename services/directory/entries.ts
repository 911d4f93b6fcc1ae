import { z } from 'zod';
import type { Actor } from '../../contracts/actor.js';
import { areaCodeSchema } from '../../contracts/area.js';
import type { EntryKind, EntryRecords } from '../../contracts/directory.js';
import { CommandInvalidError, HuiyinError, IllegalTransitionError, StreamNotFoundError } from '../../contracts/errors.js';
import type { EventStore } from '../../contracts/event-store.js';
import type { HistoryEvent } from '../../contracts/history.js';
import { entryId } from '../../contracts/ids.js';
import { directoryWorkflows, type EntryCommand, type EntryContext, type EntryEvent } from '../../workflows/directory/index.js';
import { WorkflowEngine, fieldIssues, type CommandResult } from '../../workflows/engine/index.js';
import { commandEnvelope, type CommandRequest } from '../commands/envelope.js';

export interface Entry<K extends EntryKind> {
  record: EntryRecords[K];
  revision: number;
}

export interface WriteResult<K extends EntryKind> extends Entry<K> {
  /** Log position of the write: what a reader waits for to see it. */
  position: number;
  /** True when the command id had already landed and nothing was written. */
  replayed: boolean;
}

type EntryEngine = WorkflowEngine<EntryContext, EntryCommand, EntryEvent>;
type EntryResult = CommandResult<EntryContext, EntryCommand, EntryEvent>;

const yearId = z.string().regex(/^20[0-9]{2}$/, 'a year from 2000 to 2099');
const idSchemas = {
  area: areaCodeSchema, station: entryId, deputy: entryId, category: entryId, account: entryId, deadlinePolicy: areaCodeSchema, calendar: yearId,
} as const;
const keyOf: Record<EntryKind, string> = {
  area: 'code', station: 'id', deputy: 'id', category: 'id', account: 'id', deadlinePolicy: 'areaCode', calendar: 'year',
};

export const notFound = (kind: EntryKind, id: string) =>
  new HuiyinError('DIRECTORY.NOT_FOUND', `no ${kind} ${id}`, { kind, id });

/**
 * Lookups may answer from what this instance read or wrote in the last two
 * seconds: every case opened asks for its station and category, and entries
 * change rarely. Writes made here are seen at once; another instance's
 * within 2 s. An id found missing is remembered as long, so a category
 * looked for in each area above a station is not read again every time.
 */
const LOOKUP_MAX_AGE_MS = 2000;

/**
 * The directory's write side and its lookups: one engine per kind of entry,
 * each entry read from its own stream.
 */
export class EntryBook {
  readonly #engines: Record<EntryKind, EntryEngine>;
  readonly #missing = new Map<string, number>();
  readonly #now: () => number;

  constructor(
    readonly store: EventStore,
    now: () => number = Date.now,
  ) {
    this.#now = now;
    this.#engines = {
      area: new WorkflowEngine(store, directoryWorkflows.area, { now }),
      station: new WorkflowEngine(store, directoryWorkflows.station, { now }),
      deputy: new WorkflowEngine(store, directoryWorkflows.deputy, { now }),
      category: new WorkflowEngine(store, directoryWorkflows.category, { now }),
      account: new WorkflowEngine(store, directoryWorkflows.account, { now }),
      deadlinePolicy: new WorkflowEngine(store, directoryWorkflows.deadlinePolicy, { now }),
      calendar: new WorkflowEngine(store, directoryWorkflows.calendar, { now }),
    };
  }

  static isValidId(kind: EntryKind, id: string): boolean {
    return idSchemas[kind].safeParse(id).success;
  }

  /** The entry; `fresh`: as its stream says now, not as this instance read it lately. */
  async get<K extends EntryKind>(kind: K, id: string, options: { fresh?: boolean } = {}): Promise<Entry<K> | undefined> {
    if (!EntryBook.isValidId(kind, id)) return undefined;
    const engine = this.#engines[kind];
    const streamName = engine.streamNameOf(id);
    const maxAgeMs = options.fresh ? 0 : LOOKUP_MAX_AGE_MS;
    const missedAt = this.#missing.get(streamName);
    if (missedAt !== undefined && this.#now() - missedAt <= maxAgeMs) return undefined;
    const stream = await engine.load(streamName, { maxAgeMs });
    const record = stream.context.record;
    if (!record) {
      this.#missing.set(streamName, this.#now());
      return undefined;
    }
    this.#missing.delete(streamName);
    // The record was registered with this kind's schema and updated with its changes.
    return { record: record as EntryRecords[K], revision: stream.revision };
  }

  /** Parses a command's data with the workflow's own schema, naming every bad field. */
  parse(kind: EntryKind, command: 'register' | 'update', data: unknown): Record<string, unknown> {
    const parsed = directoryWorkflows[kind].commands[command].safeParse(data);
    if (!parsed.success) throw new CommandInvalidError(command, fieldIssues(parsed.error, 'data'));
    return parsed.data as Record<string, unknown>;
  }

  async register<K extends EntryKind>(kind: K, record: Record<string, unknown>, actor: Actor, request: CommandRequest): Promise<WriteResult<K>> {
    const id = String(record[keyOf[kind]]);
    try {
      return this.#written(await this.#execute(kind, id, 'register', record, actor, request));
    } catch (error) {
      // `new` is the only state that takes a registration.
      if (error instanceof IllegalTransitionError) {
        throw new HuiyinError('DIRECTORY.ALREADY_EXISTS', `${kind} ${id} is already registered`, { kind, id });
      }
      throw error;
    }
  }

  async update<K extends EntryKind>(kind: K, id: string, change: Record<string, unknown>, actor: Actor, request: CommandRequest): Promise<WriteResult<K>> {
    try {
      return this.#written(await this.#execute(kind, id, 'update', change, actor, request));
    } catch (error) {
      if (error instanceof IllegalTransitionError) throw notFound(kind, id);
      throw error;
    }
  }

  async history(kind: EntryKind, id: string): Promise<HistoryEvent[]> {
    if (!EntryBook.isValidId(kind, id)) throw notFound(kind, id);
    try {
      const events = await this.store.readStream(this.#engines[kind].streamNameOf(id));
      return events.map(({ revision, type, data, metadata, position, recordedAt }) => ({
        revision, type, data, metadata, position, recordedAt,
      }));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw notFound(kind, id);
      throw error;
    }
  }

  #execute(kind: EntryKind, id: string, type: 'register' | 'update', data: unknown, actor: Actor, request: CommandRequest): Promise<EntryResult> {
    this.#missing.delete(this.#engines[kind].streamNameOf(id));
    return this.#engines[kind].execute(commandEnvelope(actor, id, type, data, request));
  }

  #written<K extends EntryKind>(result: EntryResult): WriteResult<K> {
    const record = result.state.context.record as EntryRecords[K];
    return { record, revision: result.revision, position: result.position, replayed: result.replayed };
  }
}
