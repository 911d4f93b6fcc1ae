import fc from 'fast-check';
import t from 'tap';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { caseCommandTypes } from '../../../contracts/case/commands.js';
import { caseMachine } from '../../../workflows/case/machine.js';
import { caseCommandEvents } from '../../../workflows/case/decider.js';
import { pureTransition } from '../../../workflows/engine/pure-transition.js';
import { historyFor, sampleCommandData } from '../../support/case-fixtures.js';

const actor = { id: 'a', role: 'admin' as const };

t.test('pure transition › agrees with xstate’s own transition() on any event sequence', async (t) => {
  const start = initialTransition(caseMachine)[0] as AnyMachineSnapshot;
  const received = { ...historyFor.received![0]!, occurredAt: '2026-06-13T01:00:00Z', actor };
  await fc.assert(
    fc.property(fc.array(fc.constantFrom(...caseCommandTypes), { maxLength: 30 }), (commands) => {
      let ours = pureTransition(caseMachine, start, received as never);
      let theirs = transition(caseMachine, start, received as never)[0] as AnyMachineSnapshot;
      for (const [i, command] of commands.entries()) {
        const event = { type: caseCommandEvents[command], data: sampleCommandData[command], occurredAt: `2026-06-14T0${i % 10}:00:00Z`, actor };
        ours = pureTransition(caseMachine, ours, event as never);
        theirs = transition(caseMachine, theirs, event as never)[0] as AnyMachineSnapshot;
        if (ours.value !== theirs.value) throw new Error(`status ${String(ours.value)} ≠ ${String(theirs.value)}`);
      }
      t.same(ours.context, theirs.context);
    }),
    { numRuns: 200 },
  );
});
