import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * The next snapshot, like xstate's `transition()` but without its cost:
 * `transition()` builds a throw-away actor on every call — and with it the
 * machine's initial snapshot — only to get an inert scope, which was most of
 * the time a command spent in XState. The scope holds nothing of any one
 * snapshot, and workflow machines only `assign`, which XState applies while
 * computing the transition; so one inert scope per machine serves every call.
 */
export function pureTransition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): AnyMachineSnapshot {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    const inert = () => {};
    scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: inert,
      defer: inert,
      stopChild: inert,
      emit: inert,
      actionExecutor: inert,
    } as unknown as AnyActorScope;
    scopes.set(machine, scope);
  }
  return machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
}
