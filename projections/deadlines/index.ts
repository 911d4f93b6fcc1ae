import type Database from 'better-sqlite3';
import type { PendingTimer } from '../../contracts/case/timers.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { caseFactOf, caseStreams, type CaseReadingRules } from '../case-events.js';
import { preparedPerDb } from '../prepared.js';
import type { Projection } from '../runner.js';
import { timersOfCase } from './queries.js';
import { DEADLINES_VERSION, deadlineTables, deadlinesDdl } from './schema.js';

const statementsFor = preparedPerDb((db: Database.Database) => ({
  clear: db.prepare(`DELETE FROM ${deadlineTables.timers} WHERE case_id = ?`),
  put: db.prepare(`INSERT OR REPLACE INTO ${deadlineTables.timers} (case_id, deadline, action, due_by, at, set_at) VALUES (?, ?, ?, ?, ?, ?)`),
}));

/**
 * What a running scheduler is told of: the earliest firing set since it
 * last looked, so it can wait for the next one without asking the table
 * after every batch. A batch rolled back may leave a time here that was
 * never written; the scheduler then wakes, finds nothing and sleeps again.
 */
export class TimerSignal {
  #earliest: string | null = null;

  noteSet(at: string): void {
    if (this.#earliest === null || at < this.#earliest) this.#earliest = at;
  }

  /** The earliest firing set since the last call, and forgets it. */
  take(): string | null {
    const earliest = this.#earliest;
    this.#earliest = null;
    return earliest;
  }
}

/**
 * deadlines@1: every firing each case waits for (reminders, overdue marks,
 * escalations), as the case workflow's own timer rules derive them from the
 * case's events; the scheduler's queue. Only events that can move timers
 * touch the table: most of a case's events cost nothing here.
 */
export function deadlinesProjection(rules: CaseReadingRules, signal?: TimerSignal): Projection {
  function evolve(db: Database.Database, recorded: RecordedEvent): void {
    if (!rules.timers.moves(recorded.type as never)) return;
    const fact = caseFactOf(recorded);
    if (!fact) return;
    const before: readonly PendingTimer[] = fact.event.type === 'CaseReceived' ? [] : timersOfCase(db, fact.caseId);
    const after = rules.timers.evolve(before, fact.event, fact.occurredAt);
    if (after.length === before.length && after.every((timer, i) => timer === before[i])) return;
    const s = statementsFor(db);
    s.clear.run(fact.caseId);
    for (const timer of after) {
      s.put.run(fact.caseId, timer.deadline, timer.action, timer.dueBy, timer.at, timer.setAt);
      signal?.noteSet(timer.at);
    }
  }
  return { name: 'deadlines', version: DEADLINES_VERSION, filter: caseStreams, ddl: deadlinesDdl, evolve };
}

export { dueTimers, nextDueAt, pendingCount, timersOfCase, type DueTimer } from './queries.js';
export { DEADLINES_VERSION, deadlineTables } from './schema.js';
