import { caseCommandData, caseInternalCommandData, type CaseCommand, type CaseCommandType } from '../../contracts/case/commands.js';
import { caseEventContracts, type CaseEvent } from '../../contracts/case/events.js';
import { workflowVersions, type WorkflowDefinition } from '../engine/definition.js';
import type { CaseContext } from './context.js';
import { caseCommandEvents, caseDecider, sharedRules } from './decider.js';
import { caseMachine, recordCaseEvent, type TransitionTable } from './machine.js';
import { caseRulesV2 } from './rules-v2.js';
import { caseTableV1 } from './table-v1.js';
import { caseTableV2 } from './table-v2.js';

export type CaseWorkflow = WorkflowDefinition<CaseContext, CaseCommand, CaseEvent>;

/** The service's own steps (merge bookkeeping, relayed feedback): never offered to a person. */
const unlisted = Object.keys(caseInternalCommandData) as CaseCommandType[];

function caseWorkflowVersion(version: number, table: TransitionTable, decide: CaseWorkflow['decide']): CaseWorkflow {
  return {
    name: 'case',
    version,
    category: 'case',
    machine: caseMachine(`case-v${version}`, table),
    commands: caseCommandData,
    events: caseEventContracts,
    commandEvents: caseCommandEvents,
    unlisted,
    decide,
    evolve: recordCaseEvent,
  };
}

export const caseWorkflowV1 = caseWorkflowVersion(1, caseTableV1, caseDecider(1, sharedRules));
export const caseWorkflowV2 = caseWorkflowVersion(2, caseTableV2, caseDecider(2, caseRulesV2));

/** Both versions: a case keeps the one it was opened under; new cases take the latest. */
export const caseWorkflows = workflowVersions(caseWorkflowV1, caseWorkflowV2);
/** The transition tables by version: for the flow chart, and for read models to follow a case's status. */
export const caseTables: ReadonlyMap<number, TransitionTable> = new Map([[1, caseTableV1], [2, caseTableV2]]);

export { caseCommandEvents } from './decider.js';
export { pressedToday } from './shared-rules.js';
export type { CaseCommandType };
export type { CaseContext } from './context.js';
export { trackingCodeFor } from './tracking-code.js';
export { replyDueBy, replyEvents, replyWindowMs } from './deadlines.js';
export { shippedDeadlineRules, type CaseDeadlineFacts } from './deadline-rules.js';
export { caseRights, caseVisibility } from './permissions.js';
export { deadlineDeclarations, evolveTimers, movesTimers, timerEvents, timersEndedBy, watchedStatuses } from './timers.js';
