import type { AnyMachineSnapshot } from 'xstate';
import { pureTransition } from './pure-transition.js';
import { IllegalTransitionError } from '../../contracts/errors.js';
import type { DecideContext, DomainEvent, WorkflowDefinition } from './definition.js';
import { allowedCommands } from './fold.js';

export interface Decision {
  events: DomainEvent[];
  /** The snapshot after the decided events. */
  snapshot: AnyMachineSnapshot;
}

/**
 * The pure heart of command handling: decide, then prove every decided event
 * is one the machine accepts in turn. (That decided events match their
 * schemas is proven by the workflow's tests, not re-checked per command.)
 */
export function decideAndCheck(
  definition: WorkflowDefinition,
  snapshot: AnyMachineSnapshot,
  command: { type: string; data: unknown },
  context: DecideContext,
): Decision {
  const events = definition.decide(command, snapshot, context);
  let next = snapshot;
  for (const event of events) {
    const machineEvent = { ...event, occurredAt: context.occurredAt, actor: context.actor };
    if (!next.can(machineEvent)) {
      throw new IllegalTransitionError(command.type, String(next.value), allowedCommands(definition, next));
    }
    next = pureTransition(definition.machine, next, machineEvent);
  }
  return { events, snapshot: next };
}
