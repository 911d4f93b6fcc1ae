import { assign, setup } from 'xstate';
import type { CaseEvent, CaseEventType } from '../../contracts/case/events.js';
import type { CaseStatus } from '../../contracts/case/vocabulary.js';
import type { Stamped } from '../engine/definition.js';
import { evolveCaseContext, emptyCaseContext, type CaseContext } from './context.js';

/** Machine events are the case's domain events plus when and by whom. */
export type CaseMachineEvent = Stamped<CaseEvent>;

/** What a case knows after one more event: every transition's one action. */
export function recordCaseEvent(context: CaseContext, event: CaseMachineEvent): CaseContext {
  return evolveCaseContext(context, event, { at: event.occurredAt, by: event.actor });
}

/** Where each event takes a case from one status: a status, or `stay`. */
export type Transitions = Partial<Record<CaseEventType, CaseStatus | 'stay'>>;
export type TransitionTable = Record<'new' | CaseStatus, Transitions>;

/**
 * A case machine from its transition table. States are the public statuses
 * (plus `new`); every transition runs the single `record` action, so what a
 * case knows is derived from its events by one pure function and the
 * machine only decides what may happen. No state is XState-final: a merged
 * or withdrawn case still takes the bookkeeping its version allows.
 */
export function caseMachine(id: string, table: TransitionTable) {
  const states = Object.fromEntries(
    Object.entries(table).map(([status, transitions]) => [
      status,
      {
        on: Object.fromEntries(
          Object.entries(transitions).map(([event, target]) => [
            event,
            target === 'stay' ? { actions: 'record' as const } : { target, actions: 'record' as const },
          ]),
        ),
      },
    ]),
  );
  return setup({
    types: { context: {} as CaseContext, events: {} as CaseMachineEvent },
    actions: { record: assign(({ context, event }) => recordCaseEvent(context, event)) },
  }).createMachine({ id, initial: 'new', context: emptyCaseContext, states });
}
