import { assign, setup } from 'xstate';
import { z } from 'zod';
import { CommandInvalidError, type FieldIssue } from '../../contracts/errors.js';
import { visitEventContracts, type VisitEvent } from '../../contracts/visits.js';
import { CLOCK_SKEW_MS, RECEIPT_WINDOW_MS } from '../case/rules-v2.js';
import type { Stamped, WorkflowDefinition } from '../engine/definition.js';

type Registered = Extract<VisitEvent, { type: 'VisitRegistered' }>['data'];
type Satisfaction = Extract<VisitEvent, { type: 'VisitSatisfactionRecorded' }>['data'];

export interface VisitContext {
  visit: Registered | null;
  recordedAt: string | null;
  satisfaction: Satisfaction | null;
}
export type VisitCommand =
  | { type: 'register'; data: Registered }
  | { type: 'record-satisfaction'; data: Satisfaction };

const machine = setup({
  types: { context: {} as VisitContext, events: {} as Stamped<VisitEvent> },
  actions: {
    register: assign(({ event }) => (event.type === 'VisitRegistered' ? { visit: event.data, recordedAt: event.occurredAt } : {})),
    rate: assign(({ event }) => (event.type === 'VisitSatisfactionRecorded' ? { satisfaction: event.data } : {})),
  },
}).createMachine({
  id: 'visit',
  initial: 'new',
  context: { visit: null, recordedAt: null, satisfaction: null },
  states: {
    new: { on: { VisitRegistered: { target: 'registered', actions: 'register' } } },
    // The visitor says how satisfied they are once, after the visit (often at the follow-up call).
    registered: { on: { VisitSatisfactionRecorded: { target: 'rated', actions: 'rate' } } },
    rated: {},
  },
});

/** The visit happened at most 30 days ago and not in the future: the cases it opens keep the same rule. */
function checkWhen(receivedAt: string, occurredAt: string): void {
  const issues: FieldIssue[] = [];
  const at = Date.parse(receivedAt);
  const now = Date.parse(occurredAt);
  if (at > now + CLOCK_SKEW_MS) issues.push({ path: 'data.receivedAt', message: 'the visit cannot be in the future' });
  if (at < now - RECEIPT_WINDOW_MS) issues.push({ path: 'data.receivedAt', message: 'the visit must be within the last 30 days' });
  if (issues.length > 0) throw new CommandInvalidError('register', issues);
}

/**
 * A visit to a station (人大代表接待选民登记表): registered once with
 * every matter raised and the case each became, then, later, the
 * visitor's satisfaction. Who may register one is asked by the service
 * (the station's rights); the cases are the case workflow's.
 */
export const visitWorkflow: WorkflowDefinition<VisitContext, VisitCommand, VisitEvent> = {
  name: 'visit',
  version: 1,
  category: 'visit',
  machine,
  commands: {
    register: visitEventContracts.VisitRegistered.schema,
    'record-satisfaction': visitEventContracts.VisitSatisfactionRecorded.schema,
  } satisfies Record<VisitCommand['type'], z.ZodType>,
  events: visitEventContracts,
  commandEvents: { register: 'VisitRegistered', 'record-satisfaction': 'VisitSatisfactionRecorded' },
  decide: (command, _state, context) => {
    if (command.type === 'register') {
      checkWhen(command.data.receivedAt, context.occurredAt);
      return [{ type: 'VisitRegistered', data: command.data }];
    }
    return [{ type: 'VisitSatisfactionRecorded', data: command.data }];
  },
};
