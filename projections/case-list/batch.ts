import type Database from 'better-sqlite3';
import type { CaseStatus, StatusGroup } from '../../contracts/case/vocabulary.js';
import { BatchRows } from '../batched.js';
import { preparedPerDb } from '../prepared.js';
import { tables as t } from './schema.js';

/** The columns of a case row that events after its receipt change. */
export interface CaseState {
  seq: number;
  status: CaseStatus;
  group: StatusGroup;
  lastActivityAt: string;
  position: number;
  replyDueBy: string;
  repliedAt: string | null;
  settledAt: string | null;
  late: number;
  escalated: number;
  pressCount: number;
  lastPressedAt: string | null;
  deputyIds: string;
}

const statementsFor = preparedPerDb((db: Database.Database) => ({
  state: db.prepare<[string], CaseState>(`SELECT seq, status, status_group AS "group", last_activity_at AS lastActivityAt,
    position, reply_due_by AS replyDueBy, replied_at AS repliedAt, settled_at AS settledAt, late, escalated,
    press_count AS pressCount, last_pressed_at AS lastPressedAt, deputy_ids AS deputyIds
    FROM ${t.cases} WHERE id = ?`),
  write: db.prepare<CaseState>(`UPDATE ${t.cases} SET status = @status, status_group = @group, last_activity_at = @lastActivityAt,
    position = @position, reply_due_by = @replyDueBy, replied_at = @repliedAt, settled_at = @settledAt, late = @late,
    escalated = @escalated, press_count = @pressCount, last_pressed_at = @lastPressedAt, deputy_ids = @deputyIds WHERE seq = @seq`),
}));

/**
 * The cases a batch of events changes, kept in memory and written once at
 * its end. A case has several events in a batch, and each would otherwise
 * rewrite its row and the sort indexes over its status and last activity:
 * the row is written once, as the last of them left it. Receipts, deputy
 * links and search text are written as they come (they need the row's key,
 * and their order is the log's).
 */
export class CaseListBatch {
  readonly #cases: BatchRows<CaseState>;

  constructor(readonly db: Database.Database) {
    const s = statementsFor(db);
    this.#cases = new BatchRows((caseId) => s.state.get(caseId), (state) => s.write.run(state));
  }

  /** The case as this batch left it so far; a change is written back by `changedCase`. */
  caseOf(caseId: string): CaseState | undefined {
    return this.#cases.get(caseId);
  }

  /** A case just inserted with these columns: what later events of the batch start from. */
  receivedCase(caseId: string, state: CaseState): void {
    this.#cases.set(caseId, state, false);
  }

  changedCase(state: CaseState): void {
    this.#cases.changed(state);
  }

  /** Writes every changed case; the batch is spent after. */
  flush(): void {
    this.#cases.flush();
  }
}
