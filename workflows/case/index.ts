import { caseCommandData, type CaseCommand } from '../../contracts/case/commands.js';
import { CASE_EVENT_SCHEMA_VERSION, caseEventData } from '../../contracts/case/events.js';
import type { WorkflowDefinition } from '../engine/definition.js';
import { caseCommandEvents, decideCase } from './decider.js';
import { caseMachine, recordCaseEvent, type CaseMachineEvent } from './machine.js';
import type { CaseContext } from './context.js';

export const caseWorkflow: WorkflowDefinition<typeof caseMachine> = {
  name: 'case',
  version: 1,
  category: 'case',
  schemaVersion: CASE_EVENT_SCHEMA_VERSION,
  machine: caseMachine,
  commands: caseCommandData,
  events: caseEventData,
  commandEvents: caseCommandEvents,
  // The engine has validated the command against `commands` before this runs.
  decide: (command, snapshot, context) => decideCase(command as CaseCommand, snapshot, context),
  evolve: (context, event) => recordCaseEvent(context as CaseContext, event as CaseMachineEvent),
};

export { caseMachine, caseStatuses, statusGroup, type CaseStatus } from './machine.js';
export type { CaseContext } from './context.js';
export { trackingCodeFor } from './tracking-code.js';
export { replyDueBy, replyWindowMs } from './deadlines.js';
