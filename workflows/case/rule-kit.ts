import type { CaseCommandOf, CaseCommandType } from '../../contracts/case/commands.js';
import { CommandInvalidError, type FieldIssue } from '../../contracts/errors.js';
import type { DecideContext, WorkflowState } from '../engine/definition.js';
import type { CaseContext } from './context.js';

/** What the case deciders and their rules share. */
export type CaseState = WorkflowState<CaseContext>;

/** A version's rules on a command's data, on top of the shared mapping; they throw to refuse. */
export type CaseRules = {
  [K in CaseCommandType]?: (command: CaseCommandOf<K>, state: CaseState, context: DecideContext) => void;
};

export const invalid = (command: string, path: string, message: string) =>
  new CommandInvalidError(command, [{ path: `data.${path}`, message }]);

export function refuseIfAny(command: string, issues: FieldIssue[]): void {
  if (issues.length > 0) throw new CommandInvalidError(command, issues);
}

/** The citizen said at the follow-up that the matter is not resolved, or that they are not satisfied. */
export const poorFollowUp = (c: CaseContext): boolean =>
  c.followUp !== null && (!c.followUp.resolved || c.followUp.satisfaction === 'unsatisfied');

