import type Database from 'better-sqlite3';
import { StreamNotFoundError } from '../../../contracts/errors.js';
import {
  readAllCount,
  type AllFilter,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
} from '../../../contracts/event-store.js';

interface EventRow {
  position: number;
  stream: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

const COLUMNS = 'position, stream, revision, event_id, type, data, metadata, recorded_at';
// SQLite reads LIMIT -1 as "no limit".
const UNLIMITED = -1;

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as RecordedEvent['data'],
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    streamName: row.stream,
    revision: row.revision,
    position: row.position,
    recordedAt: row.recorded_at,
  };
}

function limitOf(maxCount: number | undefined): number {
  if (maxCount === undefined) return UNLIMITED;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError(`invalid maxCount ${maxCount}`);
  return maxCount;
}

function startOf(value: unknown, what: string): number {
  if (value === 'start') return 0;
  if (value === 'end') return Number.MAX_SAFE_INTEGER;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`invalid ${what} ${String(value)}`);
  }
  return value;
}

/** Synchronous queries over one Database handle; the store makes them async. */
export class Reader {
  private readonly statements = new Map<string, Database.Statement<unknown[], EventRow>>();
  private readonly counts = new Map<string, Database.Statement<unknown[], number>>();
  private readonly headPosition: Database.Statement<[], number | null>;
  private readonly streamExists: Database.Statement<[string], number>;

  constructor(private readonly db: Database.Database) {
    this.headPosition = db.prepare<[], number | null>('SELECT max(position) FROM events').pluck();
    this.streamExists = db.prepare<[string], number>('SELECT 1 FROM events WHERE stream = ? LIMIT 1').pluck();
  }

  head(): number {
    return this.headPosition.get() ?? 0;
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): RecordedEvent[] {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const limit = limitOf(options.maxCount);
    const start = startOf(from, 'fromRevision');
    const rows = this.query(
      `WHERE stream = ? AND revision ${backwards ? '<=' : '>='} ? ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT ?`,
      [streamName, start, limit],
    );
    if (rows.length === 0 && this.streamExists.get(streamName) === undefined) {
      throw new StreamNotFoundError(streamName);
    }
    return rows.map(toRecorded);
  }

  readAll(options: ReadAllOptions = {}): RecordedEvent[] {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const limit = readAllCount(options.maxCount);
    const position = startOf(from, 'fromPosition');
    return backwards
      ? this.filtered('position < ?', position, 'DESC', limit, options.filter)
      : this.filtered('position >= ?', position, 'ASC', limit, options.filter);
  }

  /** Events strictly after `position`: the page a catch-up subscription pulls next. */
  readAfter(position: number, limit: number, filter: AllFilter | undefined): RecordedEvent[] {
    return this.filtered('position > ?', position, 'ASC', limit, filter);
  }

  /** Events (matching `filter`) after `position`, counted on the indexes without reading them. */
  countAfter(position: number, filter: AllFilter | undefined): number {
    const after = startOf(position, 'position');
    if (!filter) return this.count('position > ?', [after]);
    const values = filter.kind === 'category' ? filter.categories : filter.types;
    if (values.length === 0) return 0;
    const column = filter.kind === 'category' ? 'category' : 'type';
    return this.count(`${column} IN (${values.map(() => '?').join(', ')}) AND position > ?`, [...values, after]);
  }

  private count(where: string, params: unknown[]): number {
    let statement = this.counts.get(where);
    if (!statement) {
      statement = this.db.prepare<unknown[], number>(`SELECT count(*) FROM events WHERE ${where}`).pluck();
      this.counts.set(where, statement);
    }
    return statement.get(...params) ?? 0;
  }

  private filtered(
    bound: string,
    position: number,
    order: 'ASC' | 'DESC',
    limit: number,
    filter: AllFilter | undefined,
  ): RecordedEvent[] {
    if (!filter) return this.query(`WHERE ${bound} ORDER BY position ${order} LIMIT ?`, [position, limit]).map(toRecorded);
    const values = filter.kind === 'category' ? filter.categories : filter.types;
    if (values.length === 0) return [];
    const column = filter.kind === 'category' ? 'category' : 'type';
    const list = values.map(() => '?').join(', ');
    return this.query(`WHERE ${column} IN (${list}) AND ${bound} ORDER BY position ${order} LIMIT ?`, [
      ...values,
      position,
      limit,
    ]).map(toRecorded);
  }

  private query(where: string, params: unknown[]): EventRow[] {
    let statement = this.statements.get(where);
    if (!statement) {
      statement = this.db.prepare<unknown[], EventRow>(`SELECT ${COLUMNS} FROM events ${where}`);
      this.statements.set(where, statement);
    }
    return statement.all(...params);
  }
}
