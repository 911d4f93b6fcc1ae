import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode } from 'xstate';
import type { MachineEvent, WorkflowDefinition } from './definition.js';
import { pureTransition } from './pure-transition.js';

/**
 * True when where a machine goes on an event depends on its state value
 * alone and every transition runs one and the same action — the one the
 * workflow's `evolve` stands for: no guards, no eventless, delayed, invoked
 * or done transitions, no entry, exit or initial actions, no history and no
 * computed output.
 */
function dependsOnStatusAlone(machine: AnyStateMachine): boolean {
  const actionsSeen = new Set<string>();
  const plain = (node: AnyStateNode): boolean =>
    !node.always?.length &&
    node.invoke.length === 0 &&
    node.after.length === 0 &&
    node.entry.length === 0 &&
    node.exit.length === 0 &&
    !node.history &&
    !(node.initial?.actions.length ?? 0) &&
    typeof node.output !== 'function' &&
    [...node.transitions].every(
      ([eventType, candidates]) =>
        // XState's own events (done, error, delays) are not the workflow's.
        !eventType.startsWith('xstate.') &&
        candidates.every((candidate) => {
          if (candidate.guard !== undefined || candidate.actions.length !== 1) return false;
          const [action] = candidate.actions;
          actionsSeen.add(typeof action === 'string' ? action : String((action as { type?: unknown }).type ?? action));
          return true;
        }),
    ) &&
    Object.values(node.states).every(plain);
  return plain(machine.root) && actionsSeen.size <= 1;
}

interface TransitionTable {
  /** State value → event type → XState's result of that transition once (null: not allowed). */
  byStatus: Map<string, Map<string, AnyMachineSnapshot | null>>;
  evolve: NonNullable<WorkflowDefinition['evolve']>;
}

const tables = new WeakMap<WorkflowDefinition, TransitionTable | null>();

function tableFor(definition: WorkflowDefinition): TransitionTable | null {
  let table = tables.get(definition);
  if (table === undefined) {
    const usable = definition.evolve !== undefined && dependsOnStatusAlone(definition.machine);
    table = usable ? { byStatus: new Map(), evolve: definition.evolve! } : null;
    tables.set(definition, table);
  }
  return table;
}

/**
 * The snapshot after `event`, or undefined when the machine does not take
 * it now. Each (status, event type) goes through XState once; afterwards the
 * engine reuses XState's answer for where the machine went and runs only
 * the workflow's `evolve` for the context — the same function the
 * machine's action runs. An XState transition was the largest single cost
 * of a command; a table lookup and one pure function are not.
 */
export function nextSnapshot(
  definition: WorkflowDefinition,
  snapshot: AnyMachineSnapshot,
  event: MachineEvent,
): AnyMachineSnapshot | undefined {
  const table = tableFor(definition);
  if (!table) return snapshot.can(event) ? pureTransition(definition.machine, snapshot, event) : undefined;
  const status = typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value);
  let byType = table.byStatus.get(status);
  if (!byType) table.byStatus.set(status, (byType = new Map()));
  const known = byType.get(event.type);
  if (known === undefined) {
    const first = snapshot.can(event) ? pureTransition(definition.machine, snapshot, event) : null;
    byType.set(event.type, first);
    return first ?? undefined;
  }
  if (known === null) return undefined;
  return { ...known, context: table.evolve(snapshot.context, event) } as AnyMachineSnapshot;
}
