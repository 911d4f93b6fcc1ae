import type Database from 'better-sqlite3';
import type { DeadlineKind, PendingTimer, TimerAction } from '../../contracts/case/timers.js';
import { preparedPerDb } from '../prepared.js';
import { deadlineTables } from './schema.js';

/** A pending firing of one case. */
export interface DueTimer extends PendingTimer {
  caseId: string;
}

interface Row {
  case_id: string;
  deadline: DeadlineKind;
  action: TimerAction;
  due_by: string;
  at: string;
  set_at: string;
}

const statementsFor = preparedPerDb((db: Database.Database) => ({
  due: db.prepare<[string, number], Row>(
    // Firings of one case due at the same moment go in the order of their
    // deadlines: a reply's escalation before the feedback's (both can fall
    // at the end of the same working day), as a person reading the case expects.
    `SELECT case_id, deadline, action, due_by, at, set_at FROM ${deadlineTables.timers} WHERE at <= ? ORDER BY at, case_id, due_by LIMIT ?`,
  ),
  next: db.prepare<[], { at: string | null }>(`SELECT MIN(at) AS at FROM ${deadlineTables.timers}`),
  count: db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${deadlineTables.timers}`),
  ofCase: db.prepare<[string], Row>(`SELECT case_id, deadline, action, due_by, at, set_at FROM ${deadlineTables.timers} WHERE case_id = ? ORDER BY at`),
}));

const timerOf = (row: Row): DueTimer => ({ caseId: row.case_id, deadline: row.deadline, action: row.action, dueBy: row.due_by, at: row.at, setAt: row.set_at });

/** Firings due at `now` or before, the earliest first (one index range, at most `limit`). */
export function dueTimers(db: Database.Database, now: string, limit: number): DueTimer[] {
  return statementsFor(db).due.all(now, limit).map(timerOf);
}

/** When the next firing is due; null when nothing is pending. */
export function nextDueAt(db: Database.Database): string | null {
  return statementsFor(db).next.get()?.at ?? null;
}

export function pendingCount(db: Database.Database): number {
  return statementsFor(db).count.get()?.n ?? 0;
}

/** A case's pending firings, in the order they fire. */
export function timersOfCase(db: Database.Database, caseId: string): DueTimer[] {
  return statementsFor(db).ofCase.all(caseId).map(timerOf);
}
