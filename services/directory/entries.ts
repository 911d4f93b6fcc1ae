import type { EntryKind, EntryRecords } from '../../contracts/directory.js';
import { areaCodeSchema } from '../../contracts/case/commands.js';
import { entryId } from '../../contracts/directory.js';
import { CommandInvalidError, HuiyinError, IllegalTransitionError, StreamNotFoundError } from '../../contracts/errors.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import type { Actor } from '../../contracts/metadata.js';
import { directoryWorkflows, entryRecord } from '../../workflows/directory/index.js';
import { WorkflowEngine, fieldIssues, type CommandResult } from '../../workflows/engine/index.js';
import type { EventStore } from '../../contracts/event-store.js';

/** Who, when and which attempt: everything a command carries besides its data. */
export interface CommandMeta {
  actor: Actor;
  occurredAt: string;
  commandId: string;
  correlationId?: string;
  /** The revision the caller saw (If-Match); a mismatch is not retried. */
  expectedRevision?: number;
}

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

export type HistoryEvent = Pick<RecordedEvent, 'revision' | 'type' | 'data' | 'metadata' | 'position' | 'recordedAt'>;

const idSchemas = { area: areaCodeSchema, station: entryId, deputy: entryId } as const;
const keyOf: Record<EntryKind, string> = { area: 'code', station: 'id', deputy: 'id' };

export const notFound = (kind: EntryKind, id: string) =>
  new HuiyinError('DIRECTORY.NOT_FOUND', `no ${kind} ${id}`, { kind, id });

/**
 * Lookups may answer from what this instance read or wrote in the last two
 * seconds: every case opened asks for its station, and entries change
 * rarely. Writes made here are seen at once; another instance's within 2 s.
 */
const LOOKUP_MAX_AGE_MS = 2000;

/**
 * The directory's write side and its lookups: one engine per kind of entry,
 * each entry read from its own stream.
 */
export class EntryBook {
  readonly #engines: Record<EntryKind, WorkflowEngine>;

  constructor(
    readonly store: EventStore,
    now?: () => number,
  ) {
    this.#engines = {
      area: new WorkflowEngine(store, directoryWorkflows.area, { now }),
      station: new WorkflowEngine(store, directoryWorkflows.station, { now }),
      deputy: new WorkflowEngine(store, directoryWorkflows.deputy, { now }),
    };
  }

  static isValidId(kind: EntryKind, id: string): boolean {
    return idSchemas[kind].safeParse(id).success;
  }

  async get<K extends EntryKind>(kind: K, id: string): Promise<Entry<K> | undefined> {
    if (!EntryBook.isValidId(kind, id)) return undefined;
    const engine = this.#engines[kind];
    const stream = await engine.load(engine.streamNameOf(id), { maxAgeMs: LOOKUP_MAX_AGE_MS });
    const record = entryRecord(stream.snapshot);
    return record && { record: record as unknown as EntryRecords[K], revision: stream.revision };
  }

  /** Parses a command's data with the workflow's own schema, naming every bad field. */
  parse<K extends EntryKind>(kind: K, command: 'register' | 'update', data: unknown): Record<string, unknown> {
    const parsed = directoryWorkflows[kind].commands[command]!.safeParse(data);
    if (!parsed.success) throw new CommandInvalidError(command, fieldIssues(parsed.error, 'data'));
    return parsed.data as Record<string, unknown>;
  }

  async register<K extends EntryKind>(kind: K, record: Record<string, unknown>, meta: CommandMeta): Promise<WriteResult<K>> {
    const id = String(record[keyOf[kind]]);
    try {
      return this.#written(kind, await this.#execute(kind, id, 'register', record, meta));
    } catch (error) {
      // `new` is the only state that takes a registration.
      if (error instanceof IllegalTransitionError) {
        throw new HuiyinError('DIRECTORY.ALREADY_EXISTS', `${kind} ${id} is already registered`, { kind, id });
      }
      throw error;
    }
  }

  async update<K extends EntryKind>(kind: K, id: string, change: Record<string, unknown>, meta: CommandMeta): Promise<WriteResult<K>> {
    try {
      return this.#written(kind, await this.#execute(kind, id, 'update', change, meta));
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

  #execute(kind: EntryKind, id: string, type: 'register' | 'update', data: unknown, meta: CommandMeta): Promise<CommandResult> {
    return this.#engines[kind].execute({ streamId: id, type, data, ...meta });
  }

  #written<K extends EntryKind>(_kind: K, result: CommandResult): WriteResult<K> {
    const record = entryRecord(result.state.snapshot) as unknown as EntryRecords[K];
    return { record, revision: result.revision, position: result.position, replayed: result.replayed };
  }
}
