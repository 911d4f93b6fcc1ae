import type { HistoryEvent } from '../../../../../../contracts/history';
import type { WorkflowChart } from './workflow-types';

/**
 * The case as it stood at a moment, worked out from its own events and the
 * workflow's transition table: each event moves the case to the status the
 * table names for it; an event the table lists for no person (reminders,
 * overdue marks, a merge's bookkeeping) leaves the status as it was, as the
 * table itself does ('stay').
 */
export function statusAfterEach(chart: WorkflowChart, events: readonly HistoryEvent[]): string[] {
  const byState = new Map(chart.states.map((state) => [state.id as string, state]));
  let status: string = chart.initial;
  return events.map((event) => {
    const move = byState.get(status)?.transitions.find((transition) => transition.event === event.type);
    if (move) status = move.target;
    return status;
  });
}

/** When the event happened in the world (the command's time), else when the log took it. */
export const happenedAt = (event: HistoryEvent): string =>
  typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : event.recordedAt;

export interface CaseAsOf {
  /** The events up to the moment, in the log's order. */
  events: HistoryEvent[];
  /** The status then; 'new' when the case did not exist yet. */
  status: string;
}

/**
 * The prefix of the history whose events happened by `at` (an ISO instant).
 * The log's order is kept: the first event after the moment ends the prefix,
 * since every later event was decided on top of it.
 */
export function caseAsOf(chart: WorkflowChart, events: readonly HistoryEvent[], at: string): CaseAsOf {
  const cutoff = Date.parse(at);
  const firstLater = events.findIndex((event) => Date.parse(happenedAt(event)) > cutoff);
  const shown = firstLater === -1 ? [...events] : events.slice(0, firstLater);
  const statuses = statusAfterEach(chart, shown);
  return { events: shown, status: statuses.at(-1) ?? chart.initial };
}
