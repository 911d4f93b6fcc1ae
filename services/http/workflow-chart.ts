import { z } from 'zod';
import { caseInternalCommandData } from '../../contracts/case/commands.js';
import { deadlineKinds, timerActions, type DeadlineKind } from '../../contracts/case/timers.js';
import { caseStatuses, statusGroupOf, statusGroups, type CaseStatus } from '../../contracts/case/vocabulary.js';
import { caseCommandEvents, caseTables, deadlineDeclarations, timerEvents, timersEndedBy, watchedStatuses } from '../../workflows/case/index.js';
import type { TransitionTable } from '../../workflows/case/machine.js';

export const workflowChartSchema = z.object({
  name: z.string(),
  version: z.number().int(),
  initial: z.literal('new'),
  states: z.array(
    z.object({
      id: z.enum(['new', ...caseStatuses]),
      group: z.enum(statusGroups).nullable(),
      /** No action a person takes moves the case on from here. */
      final: z.boolean(),
      transitions: z.array(z.object({ action: z.string(), event: z.string(), target: z.string() })),
    }),
  ),
  /**
   * The deadlines the workflow keeps and what Huiyin does by itself on each:
   * what sets and answers it, the statuses in which it can be pending, and
   * the event each firing records.
   */
  deadlines: z.array(
    z.object({
      kind: z.enum(deadlineKinds),
      description: z.string(),
      setBy: z.array(z.string()),
      answeredBy: z.array(z.string()),
      endedBy: z.array(z.string()),
      watches: z.array(z.enum(caseStatuses)),
      fires: z.array(z.object({ action: z.enum(timerActions), event: z.string() })),
    }),
  ),
});

function deadlinesAsData(table: TransitionTable): z.infer<typeof workflowChartSchema>['deadlines'] {
  return (Object.keys(deadlineDeclarations) as DeadlineKind[]).map((kind) => {
    const { description, setBy, answeredBy, fires } = deadlineDeclarations[kind];
    return {
      kind,
      description,
      setBy: [...setBy],
      answeredBy: [...answeredBy],
      endedBy: [...timersEndedBy],
      watches: watchedStatuses(table, kind),
      fires: fires.map((action) => ({ action, event: timerEvents[action] })),
    };
  });
}

const internal = new Set<string>(Object.keys(caseInternalCommandData));

/**
 * One version of the case workflow as data, read from its transition table,
 * for the flow chart a station puts on its wall and for clients that draw
 * their own. The service's own bookkeeping steps (attaching a merged case,
 * relaying feedback) are left out: no person takes them.
 */
export function workflowAsData(version: number): z.infer<typeof workflowChartSchema> {
  const actionOf = new Map<string, string>(
    Object.entries(caseCommandEvents)
      .filter(([action]) => !internal.has(action))
      .map(([action, event]) => [event, action]),
  );
  const table = caseTables.get(version)!;
  return {
    name: 'case',
    version,
    initial: 'new',
    states: Object.entries(table).map(([id, on]) => {
      const transitions = Object.entries(on).flatMap(([event, target]) => {
        const action = actionOf.get(event);
        return action ? [{ action, event, target: target === 'stay' ? id : target }] : [];
      });
      return {
        id: id as 'new' | CaseStatus,
        group: id === 'new' ? null : statusGroupOf[id as CaseStatus],
        final: transitions.length === 0,
        transitions,
      };
    }),
    deadlines: deadlinesAsData(table),
  };
}
