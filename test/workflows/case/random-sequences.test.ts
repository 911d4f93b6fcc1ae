import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import t from 'tap';
import { caseCommandTypes } from '../../../contracts/case/commands.js';
import { caseEventData } from '../../../contracts/case/events.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { caseWorkflow } from '../../../workflows/case/index.js';
import { emptyStream, foldEvents } from '../../../workflows/engine/fold.js';
import { WorkflowEngine } from '../../../workflows/engine/engine.js';
import { verifyChain } from '../../../workflows/engine/hash-chain.js';
import { sampleCommandData } from '../../support/case-fixtures.js';

const step = fc.record({
  type: fc.constantFrom(...caseCommandTypes),
  /** Mostly take an action the case allows now, so runs reach deep states. */
  pickAllowed: fc.boolean(),
  pick: fc.nat(),
  /** Resend the previous command id, as a client retrying after a timeout. */
  retry: fc.boolean(),
  minutesLater: fc.integer({ min: 0, max: 600 }),
});

t.test('case workflow › random command sequences leave streams that replay to the same state', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  let accepted = 0;
  let rejected = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
      const engine = new WorkflowEngine(store, caseWorkflow);
      const id = randomUUID();
      let clock = Date.parse('2026-06-13T01:00:00Z');
      let lastCommandId = randomUUID();
      let written = 0;
      for (const s of [{ type: 'receive' as const, pickAllowed: false, pick: 0, retry: false, minutesLater: 0 }, ...steps]) {
        const allowed = engine.allowedActions((await engine.load(`case-${id}`)).snapshot) as typeof caseCommandTypes;
        const type = s.pickAllowed && allowed.length ? allowed[s.pick % allowed.length]! : s.type;
        clock += s.minutesLater * 60_000;
        const commandId = s.retry ? lastCommandId : randomUUID();
        lastCommandId = commandId;
        const data = type === 'merge' ? { intoCaseId: `other-${id}` } : sampleCommandData[type];
        try {
          const result = await engine.execute({
            streamId: id,
            type,
            data,
            commandId,
            actor: { id: 'admin-1', role: 'admin' },
            occurredAt: new Date(clock).toISOString(),
          });
          if (!result.replayed) written += result.events.length;
          accepted++;
        } catch (error) {
          if (!(error instanceof HuiyinError) || !['CASE.ILLEGAL_TRANSITION', 'COMMAND.INVALID'].includes(error.code)) {
            throw error;
          }
          rejected++;
        }
      }
      const events = await store.readStream(`case-${id}`);
      if (events.length !== written) throw new Error(`wrote ${written} events but the stream holds ${events.length}`);
      for (const event of events) caseEventData[event.type as keyof typeof caseEventData].parse(event.data);
      const chain = verifyChain(events);
      if (!chain.ok) throw new Error(`chain broken at ${chain.brokenAt}`);
      const live = (await engine.load(`case-${id}`)).snapshot;
      const replayed = foldEvents(caseWorkflow, emptyStream(caseWorkflow, `case-${id}`), events).snapshot;
      t.same(replayed.value, live.value);
      t.same(replayed.context, live.context);
    }),
    { numRuns: 150 },
  );
  t.ok(accepted > rejected && rejected > 0, `both paths exercised (${accepted} accepted, ${rejected} rejected)`);
});
