import type { AnyMachineSnapshot } from 'xstate';
import { nextSnapshot } from './compiled-transition.js';
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
    const after = nextSnapshot(definition, next, Object.assign({}, event, { occurredAt: context.occurredAt, actor: context.actor }));
    if (!after) throw new IllegalTransitionError(command.type, String(next.value), allowedCommands(definition, next));
    next = after;
  }
  return { events, snapshot: next };
}
