import type { CaseReadingRules } from '../../projections/case-events.js';
import { caseListProjection } from '../../projections/case-list/index.js';
import { dashboardProjection } from '../../projections/dashboard/index.js';
import { deadlinesProjection, type TimerSignal } from '../../projections/deadlines/index.js';
import { diaryProjection } from '../../projections/diary/index.js';
import { directoryProjection } from '../../projections/directory/index.js';
import { notificationsProjection } from '../../projections/notifications/index.js';
import { appointmentsProjection } from '../../projections/appointments/index.js';
import { visitsProjection } from '../../projections/visits/index.js';
import type { Projection } from '../../projections/runner.js';
import { threeOnesProjection } from '../../projections/three-ones/index.js';
import { caseTables, evolveTimers, movesTimers, replyEvents } from '../../workflows/case/index.js';

/** What the read models know of the case workflow: its own tables and timer rules, never a copy. */
export const caseReadingRules: CaseReadingRules = { statusTables: caseTables, replyEvents, timers: { moves: movesTimers, evolve: evolveTimers } };

/**
 * The case read models, in the order they start (the directory starts its
 * own: services/directory). `timers` is told of every firing the deadlines
 * model sets, for a scheduler waiting on it.
 */
export function readSideProjections(timers?: TimerSignal): Projection[] {
  return [
    caseListProjection(caseReadingRules),
    dashboardProjection(caseReadingRules),
    diaryProjection(caseReadingRules),
    deadlinesProjection(caseReadingRules, timers),
    notificationsProjection,
    threeOnesProjection,
  ];
}

/** The stations' own records: visits and appointments (their plugins start them beside their routes). */
export const stationWorkProjections = (): Projection[] => [visitsProjection, appointmentsProjection];

/** Every projection the service runs, the directory's first, in the order they start. */
export const allProjections = (): Projection[] => [directoryProjection, ...readSideProjections(), ...stationWorkProjections()];
