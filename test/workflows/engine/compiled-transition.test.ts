import fc from 'fast-check';
import t from 'tap';
import { assign, initialTransition, setup, transition, type AnyMachineSnapshot } from 'xstate';
import { caseEventTypes } from '../../../contracts/case/events.js';
import { caseWorkflowV1, caseWorkflowV2 } from '../../../workflows/case/index.js';
import { nextSnapshot } from '../../../workflows/engine/compiled-transition.js';
import type { MachineEvent, WorkflowDefinition } from '../../../workflows/engine/definition.js';
import { sampleEventData } from '../../support/case-fixtures.js';

const actor = { id: 'a', role: 'admin' as const };
const caseEvent = (type: (typeof caseEventTypes)[number], occurredAt: string) => ({ type, data: sampleEventData[type], occurredAt, actor }) as MachineEvent;

for (const caseWorkflow of [caseWorkflowV1, caseWorkflowV2]) {
  t.test(`compiled transition › case v${caseWorkflow.version} › agrees with xstate’s transition() on any event sequence, allowed or not`, async (t) => {
    const machine = caseWorkflow.machine;
    const start = initialTransition(machine)[0] as AnyMachineSnapshot;
    const received = caseEvent('CaseReceived', '2026-06-13T01:00:00Z');
    await fc.assert(
      fc.property(fc.array(fc.constantFrom(...caseEventTypes), { maxLength: 30 }), (types) => {
        let ours = nextSnapshot(caseWorkflow, start, received)!;
        let theirs = transition(machine, start, received as never)[0] as AnyMachineSnapshot;
        for (const [i, type] of types.entries()) {
          const event = caseEvent(type, `2026-06-14T0${i % 10}:00:00Z`);
          const after = nextSnapshot(caseWorkflow, ours, event);
          if (!theirs.can(event as never)) {
            if (after) throw new Error(`${event.type} taken in ${String(ours.value)}, which XState refuses`);
            continue;
          }
          if (!after) throw new Error(`${event.type} refused in ${String(ours.value)}, which XState takes`);
          ours = after;
          theirs = transition(machine, theirs, event as never)[0] as AnyMachineSnapshot;
          if (ours.value !== theirs.value || ours.status !== theirs.status) {
            throw new Error(`${String(ours.value)}/${ours.status} ≠ ${String(theirs.value)}/${theirs.status}`);
          }
        }
        t.same(ours.context, theirs.context);
        t.equal(ours.can({ type: 'NoteAdded' } as never), theirs.can({ type: 'NoteAdded' } as never));
      }),
      { numRuns: 200 },
    );
  });
}

/** A counter that may only go up to 2: the guard reads the context. */
const guarded = setup({
  types: { context: {} as { n: number }, events: {} as MachineEvent },
  actions: { bump: assign(({ context }) => ({ n: context.n + 1 })) },
  guards: { belowTwo: ({ context }) => context.n < 2 },
}).createMachine({
  initial: 'open',
  context: { n: 0 },
  states: { open: { on: { Bumped: { guard: 'belowTwo', actions: 'bump' } } } },
});

const guardedWorkflow: WorkflowDefinition = {
  name: 'guarded',
  version: 1,
  category: 'guarded',
  machine: guarded,
  commands: {},
  events: {},
  commandEvents: {},
  decide: () => [],
  evolve: (context) => ({ n: (context as { n: number }).n + 1 }),
};

t.test('compiled transition › a machine with guards is asked every time, never answered from the table', async (t) => {
  const bump = { type: 'Bumped', data: {}, occurredAt: '2026-06-13T01:00:00Z', actor } as MachineEvent;
  let snapshot = initialTransition(guarded)[0] as AnyMachineSnapshot;
  snapshot = nextSnapshot(guardedWorkflow, snapshot, bump)!;
  snapshot = nextSnapshot(guardedWorkflow, snapshot, bump)!;
  t.same(snapshot.context, { n: 2 });
  t.equal(nextSnapshot(guardedWorkflow, snapshot, bump), undefined, 'the guard now refuses, though status and event type are unchanged');
});

t.test('compiled transition › a workflow without evolve goes through XState', async (t) => {
  const caseWorkflow: WorkflowDefinition = caseWorkflowV2;
  const { evolve: _unused, ...plain } = caseWorkflow;
  let calls = 0;
  const counted: WorkflowDefinition = { ...plain, machine: caseWorkflow.machine };
  const received = caseEvent('CaseReceived', '2026-06-13T01:00:00Z');
  const start = initialTransition(caseWorkflow.machine)[0] as AnyMachineSnapshot;
  const withEvolve: WorkflowDefinition = {
    ...caseWorkflow,
    evolve: (context, event) => {
      calls++;
      return caseWorkflow.evolve!(context, event);
    },
  };
  const note = caseEvent('NoteAdded', '2026-06-13T02:00:00Z');
  for (let i = 0; i < 3; i++) nextSnapshot(withEvolve, nextSnapshot(withEvolve, start, received)!, note);
  t.equal(calls, 4, 'after the first of each (status, event type), only evolve runs');
  const viaXState = nextSnapshot(counted, nextSnapshot(counted, start, received)!, note)!;
  t.equal(viaXState.value, 'received');
  t.equal((viaXState.context as { notes: unknown[] }).notes.length, 1);
});

t.test('compiled transition › a transition without the one action, or with another, keeps the machine on XState', async (t) => {
  const machine = setup({
    types: { context: {} as { n: number }, events: {} as MachineEvent },
    actions: {
      bump: assign(({ context }) => ({ n: context.n + 1 })),
      double: assign(({ context }) => ({ n: context.n * 2 })),
    },
  }).createMachine({
    initial: 'open',
    context: { n: 1 },
    states: {
      open: { on: { Bumped: { actions: 'bump' }, Looked: 'seen', Doubled: { actions: 'double' } } },
      seen: { on: { Looked: 'open' } },
    },
  });
  const workflow: WorkflowDefinition = { ...guardedWorkflow, machine };
  const event = (type: string) => ({ type, data: {}, occurredAt: '2026-06-13T01:00:00Z', actor }) as MachineEvent;
  let snapshot = initialTransition(machine)[0] as AnyMachineSnapshot;
  for (const type of ['Looked', 'Looked', 'Looked', 'Looked', 'Doubled', 'Doubled', 'Bumped', 'Bumped']) {
    const ours = nextSnapshot(workflow, snapshot, event(type));
    const theirs = transition(machine, snapshot, event(type) as never)[0] as AnyMachineSnapshot;
    t.same(ours?.context, theirs.context, `${type}: as XState has it`);
    snapshot = theirs;
  }
  t.same(snapshot.context, { n: 6 });
});
