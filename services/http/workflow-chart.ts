import { caseCommandEvents } from '../../workflows/case/decider.js';
import { caseWorkflow, statusGroup } from '../../workflows/case/index.js';

interface TransitionConfig {
  target?: string;
}

/**
 * The case workflow as data, read from the machine itself, for the flow
 * chart a station puts on its wall and for clients that draw their own.
 */
export function workflowAsData() {
  const actionOf = new Map<string, string>(Object.entries(caseCommandEvents).map(([action, event]) => [event, action]));
  const states = caseWorkflow.machine.config.states as Record<
    string,
    { type?: string; on?: Record<string, TransitionConfig | string> }
  >;
  return {
    name: caseWorkflow.name,
    version: caseWorkflow.version,
    initial: 'new',
    states: Object.entries(states).map(([id, state]) => ({
      id,
      group: id === 'new' ? null : statusGroup(id),
      final: state.type === 'final',
      transitions: Object.entries(state.on ?? {}).map(([event, config]) => {
        const target = typeof config === 'string' ? config : config.target;
        return { action: actionOf.get(event) ?? event, event, target: target ?? id };
      }),
    })),
  };
}
