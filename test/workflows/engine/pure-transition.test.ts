import fc from 'fast-check';
import t from 'tap';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { caseEventTypes } from '../../../contracts/case/events.js';
import { caseWorkflowV1, caseWorkflowV2 } from '../../../workflows/case/index.js';
import { pureTransition } from '../../../workflows/engine/pure-transition.js';
import { sampleEventData } from '../../support/case-fixtures.js';

const actor = { id: 'a', role: 'admin' as const };

for (const { machine, version } of [caseWorkflowV1, caseWorkflowV2]) {
  t.test(`pure transition › case v${version} › agrees with xstate’s own transition() on any event sequence`, async (t) => {
    const start = initialTransition(machine)[0] as AnyMachineSnapshot;
    const received = { type: 'CaseReceived', data: sampleEventData.CaseReceived, occurredAt: '2026-06-13T01:00:00Z', actor };
    await fc.assert(
      fc.property(fc.array(fc.constantFrom(...caseEventTypes), { maxLength: 30 }), (types) => {
        let ours = pureTransition(machine, start, received as never);
        let theirs = transition(machine, start, received as never)[0] as AnyMachineSnapshot;
        for (const [i, type] of types.entries()) {
          // Refused events included: both must leave the snapshot as it was.
          const event = { type, data: sampleEventData[type], occurredAt: `2026-06-14T0${i % 10}:00:00Z`, actor };
          ours = pureTransition(machine, ours, event as never);
          theirs = transition(machine, theirs, event as never)[0] as AnyMachineSnapshot;
          if (ours.value !== theirs.value) throw new Error(`status ${String(ours.value)} ≠ ${String(theirs.value)}`);
        }
        t.same(ours.context, theirs.context);
      }),
      { numRuns: 200 },
    );
  });
}
