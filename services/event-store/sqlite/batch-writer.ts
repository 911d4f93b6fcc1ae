import type Database from 'better-sqlite3';
import { HuiyinError, WrongExpectedRevisionError } from '../../../contracts/errors.js';
import type { AppendResult } from '../../../contracts/event-store.js';
import type { AppendRequest } from '../validate.js';

export type AppendOutcome = { ok: true; result: AppendResult; written: number } | { ok: false; error: Error };

interface RunRow {
  revision: number;
  event_id: string;
  position: number;
}

interface Head {
  revision: number;
  position: number;
}

const NO_HEAD: Head = { revision: -1, position: 0 };

/**
 * Writes many callers' appends in one transaction, so one fsync acknowledges
 * them all. It is synchronous and owns nothing but a Database handle, so it
 * can later run inside a worker thread unchanged.
 */
export class BatchWriter {
  transactions = 0;
  appends = 0;
  private readonly head: Database.Statement<[string], Head>;
  private readonly lastById: Database.Statement<[string, string], { revision: number }>;
  private readonly run: Database.Statement<[string, number, number], RunRow>;
  private readonly insert: Database.Statement<unknown[]>;
  private readonly inSavepoint: Database.Transaction<(request: AppendRequest, recordedAt: string) => AppendOutcome>;
  private readonly inTransaction: Database.Transaction<(requests: AppendRequest[], recordedAt: string) => AppendOutcome[]>;

  constructor(private readonly db: Database.Database) {
    this.head = db.prepare('SELECT revision, position FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1');
    this.lastById = db.prepare(
      `SELECT revision FROM events WHERE stream = ? AND event_id = ? AND first_of_any_append = 1
       ORDER BY revision DESC LIMIT 1`,
    );
    this.run = db.prepare(
      'SELECT revision, event_id, position FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
    );
    this.insert = db.prepare(
      `INSERT INTO events (stream, revision, event_id, type, category, data, metadata, recorded_at, first_of_any_append)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Nested better-sqlite3 transactions become SAVEPOINTs.
    this.inSavepoint = db.transaction((request: AppendRequest, recordedAt: string) =>
      this.appendOne(request, recordedAt),
    );
    this.inTransaction = db.transaction((requests: AppendRequest[], recordedAt: string) =>
      requests.map((request) => this.appendAlone(request, recordedAt)),
    );
  }

  writeBatch(requests: AppendRequest[]): AppendOutcome[] {
    const recordedAt = new Date().toISOString();
    try {
      const outcomes = this.inTransaction.immediate(requests, recordedAt);
      this.transactions += 1;
      this.appends += requests.length;
      return outcomes;
    } catch (error) {
      const failure = new HuiyinError('STORE.UNAVAILABLE', 'the append could not be committed', {
        reason: (error as Error).message,
      });
      return requests.map(() => ({ ok: false, error: failure }));
    }
  }

  /** One append inside the batch transaction; its failure leaves the others intact. */
  private appendAlone(request: AppendRequest, recordedAt: string): AppendOutcome {
    // SQLite rolls the whole transaction back on some I/O errors; carrying on
    // would autocommit the rest of the batch one append at a time.
    if (!this.db.inTransaction) throw new Error('the batch transaction was rolled back');
    try {
      // Checks throw before anything is written and one INSERT is atomic on
      // its own, so only multi-event appends pay for a SAVEPOINT (measured:
      // about a tenth of a 64-append commit).
      return request.events.length > 1 ? this.inSavepoint(request, recordedAt) : this.appendOne(request, recordedAt);
    } catch (error) {
      if (!this.db.inTransaction) throw error;
      return { ok: false, error: error as Error };
    }
  }

  private appendOne(request: AppendRequest, recordedAt: string): AppendOutcome {
    if (request.expected === 'no_stream' && request.events.length > 0) {
      const created = this.createStream(request, recordedAt);
      if (created) return created;
    }
    const head = this.head.get(request.streamName) ?? NO_HEAD;
    const retried = this.checkExpectation(request, head);
    if (retried) return { ok: true, result: retried, written: 0 };
    return this.insertAfter(request, head, recordedAt);
  }

  /**
   * A new stream needs no look at its head: its first event takes revision
   * 0, which the UNIQUE (stream, revision) index refuses if the stream
   * exists; only then is the head read, to tell a retry from a conflict.
   * (Most appends in a busy log open new cases; the lookup was a tenth of
   * their time in the writer.)
   */
  private createStream(request: AppendRequest, recordedAt: string): AppendOutcome | undefined {
    try {
      return this.insertAfter(request, NO_HEAD, recordedAt);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
      throw error;
    }
  }

  private insertAfter(request: AppendRequest, head: Head, recordedAt: string): AppendOutcome {
    let revision = head.revision;
    let position = head.position;
    let firstOfAnyAppend = request.expected === 'any' || request.expected === 'stream_exists' ? 1 : 0;
    for (const event of request.events) {
      revision += 1;
      const info = this.insert.run(
        request.streamName,
        revision,
        event.id,
        event.type,
        request.category,
        event.data,
        event.metadata,
        recordedAt,
        firstOfAnyAppend,
      );
      firstOfAnyAppend = 0;
      position = Number(info.lastInsertRowid);
    }
    return { ok: true, result: { nextExpectedRevision: revision, position }, written: request.events.length };
  }

  /**
   * Returns the original result when the append is a retry of one already in
   * the log, undefined when it should be written, and throws otherwise.
   */
  private checkExpectation(request: AppendRequest, head: Head): AppendResult | undefined {
    const { expected, events } = request;
    const wrong = () => new WrongExpectedRevisionError(request.streamName, expected, head.revision);
    if (expected === 'stream_exists' && head.revision === -1) throw wrong();
    if (expected === 'any' || expected === 'stream_exists') {
      if (events.length === 0) return toResult(head);
      const first = this.lastById.get(request.streamName, events[0]!.id);
      if (!first) return undefined;
      return this.matchRun(request, first.revision) ?? throwError(wrong());
    }
    const expectedRevision = expected === 'no_stream' ? -1 : expected;
    if (expectedRevision === head.revision) return events.length === 0 ? toResult(head) : undefined;
    if (expectedRevision > head.revision || events.length === 0) throw wrong();
    return this.matchRun(request, expectedRevision + 1) ?? throwError(wrong());
  }

  /** The original result if the events from `from` on carry exactly the request's ids in order. */
  private matchRun(request: AppendRequest, from: number): AppendResult | undefined {
    const rows = this.run.all(request.streamName, from, request.events.length);
    if (rows.length !== request.events.length) return undefined;
    for (let i = 0; i < rows.length; i += 1) {
      if (rows[i]!.event_id !== request.events[i]!.id) return undefined;
    }
    const last = rows[rows.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }
}

function toResult(head: Head): AppendResult {
  return { nextExpectedRevision: head.revision, position: head.position };
}

function throwError(error: Error): never {
  throw error;
}
