import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import t from 'tap';
import { caseCommandTypes, type CaseCommandType } from '../../../contracts/case/commands.js';
import { caseEventContracts, type CaseEventType } from '../../../contracts/case/events.js';
import type { PendingTimer } from '../../../contracts/case/timers.js';
import { HuiyinError } from '../../../contracts/errors.js';
import type { Actor } from '../../../contracts/metadata.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { caseWorkflows } from '../../../workflows/case/index.js';
import { WorkflowEngine } from '../../../workflows/engine/engine.js';
import { emptyStream, foldEvents } from '../../../workflows/engine/fold.js';
import { verifyChain } from '../../../workflows/engine/hash-chain.js';
import { sampleCommandData } from '../../support/case-fixtures.js';

const actors: Actor[] = [
  { id: 'sup-1', role: 'supervisor' },
  { id: 'staff-1', role: 'staff' },
  { id: 'huiyin', role: 'system' },
];
const timerActionOf: Partial<Record<CaseCommandType, string>> = { remind: 'remind', 'mark-overdue': 'overdue', 'escalate-overdue': 'escalate' };

const step = fc.record({
  type: fc.constantFrom(...caseCommandTypes),
  /** Mostly take an action the case allows now, and seldom a detour, so runs reach deep states. */
  pickAllowed: fc.nat({ max: 3 }).map((n) => n > 0),
  pick: fc.nat(),
  detour: fc.nat({ max: 4 }).map((n) => n === 0),
  /** Which of a command's data variants to send, and which actor sends it. */
  variant: fc.nat({ max: 1 }),
  actor: fc.constantFrom(...actors),
  /** Resend the previous command id, as a client retrying after a timeout. */
  retry: fc.boolean(),
  minutesLater: fc.integer({ min: 0, max: 600 }),
  /** Now and then a jump of days, so the scheduler's firings come due. */
  daysLater: fc.nat({ max: 9 }).map((n) => (n === 0 ? 3 : 0)),
});

/** Data that takes both sides of the rules that look at data: poor follow-ups, override reasons, merges and their bookkeeping. */
function dataFor(type: CaseCommandType, variant: number, caseId: string, timers: readonly PendingTimer[]): unknown {
  const timer = timers.find((x) => x.action === timerActionOf[type]);
  if (timer) return { deadline: timer.deadline, dueBy: timer.dueBy };
  switch (type) {
    case 'record-follow-up':
      return variant ? { resolved: false, satisfaction: 'unsatisfied' } : sampleCommandData[type];
    case 'close':
      return variant ? { reason: 'The county will rebuild the road next year' } : sampleCommandData[type];
    case 'merge':
      return { intoCaseId: `other-${caseId}` };
    case 'attach':
    case 'confirm-merge':
      return { caseId: `merged-${variant}` };
    case 'detach':
      return { caseId: `merged-${variant}`, reason: 'the merge did not complete' };
    default:
      return sampleCommandData[type];
  }
}

/** Commands that end a case early or leave its status as it is. */
const detours = new Set<string>(['withdraw', 'merge', 'add-note', 'escalate']);
const refusals = new Set(['WORKFLOW.ILLEGAL_TRANSITION', 'COMMAND.INVALID', 'AUTH.FORBIDDEN', 'CASE.FOLLOW_UP_UNRESOLVED', 'CASE.MERGE_IN_PROGRESS', 'CASE.HAS_MERGED_CASES']);

for (const version of [1, 2]) {
  t.test(`case workflow v${version} › random command sequences leave valid streams that replay to the same state`, async (t) => {
    const store = await openSqliteEventStore({ path: ':memory:' });
    t.teardown(() => store.close());
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40, size: 'max' }), async (steps) => {
        const engine = new WorkflowEngine(store, caseWorkflows, { version });
        const id = randomUUID();
        const streamName = `case-${id}`;
        let clock = Date.parse('2026-06-13T01:00:00Z');
        let lastCommandId = randomUUID();
        let written = 0;
        const first = { type: 'receive' as const, pickAllowed: false, pick: 0, detour: false, variant: 0, actor: actors[1]!, retry: false, minutesLater: 0, daysLater: 0 };
        for (const s of [first, ...steps]) {
          const before = await engine.load(streamName);
          const allowed = engine.allowedActions(before).filter((c) => s.detour || !detours.has(c));
          const type = s.pickAllowed && allowed.length ? allowed[s.pick % allowed.length]! : s.type;
          clock += s.minutesLater * 60_000 + s.daysLater * 86_400_000;
          const commandId = s.retry ? lastCommandId : randomUUID();
          lastCommandId = commandId;
          try {
            const result = await engine.execute({
              streamId: id,
              type,
              data: dataFor(type, s.variant, id, before.context.timers),
              commandId,
              actor: s.actor,
              occurredAt: new Date(clock).toISOString(),
            });
            if (!result.replayed) written += result.events.length;
            outcomes.set('accepted', (outcomes.get('accepted') ?? 0) + 1);
          } catch (error) {
            if (!(error instanceof HuiyinError) || !refusals.has(error.code)) throw error;
            outcomes.set(error.code, (outcomes.get(error.code) ?? 0) + 1);
          }
        }
        const events = await store.readStream(streamName);
        if (events.length !== written) throw new Error(`wrote ${written} events but the stream holds ${events.length}`);
        for (const event of events) {
          const contract = caseEventContracts[event.type as CaseEventType];
          contract.schema.parse(event.data);
          t.same([event.metadata.schemaVersion, event.metadata.workflow], [contract.version, { name: 'case', version }]);
        }
        const chain = verifyChain(events);
        if (!chain.ok) throw new Error(`chain broken at ${chain.brokenAt}`);
        const live = await engine.load(streamName);
        const replayed = foldEvents(caseWorkflows, emptyStream(caseWorkflows.versions.get(2)!, streamName), events);
        t.equal(replayed.definition.version, version, 'the replay picks the version the case was opened under');
        t.equal(replayed.status, live.status);
        t.same(replayed.context, live.context);
      }),
      { numRuns: 200 },
    );
    const count = (key: string) => outcomes.get(key) ?? 0;
    const seen = JSON.stringify([...outcomes]);
    t.ok(count('accepted') > 0 && count('WORKFLOW.ILLEGAL_TRANSITION') > 0 && count('COMMAND.INVALID') > 0, `every path exercised: ${seen}`);
    if (version === 2) t.ok(count('CASE.FOLLOW_UP_UNRESOLVED') > 0, `and v2’s refusal to close after a poor follow-up: ${seen}`);
  });
}
