import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import t from 'tap';
import type { CaseCommandType } from '../../../contracts/case/commands.js';
import { HuiyinError } from '../../../contracts/errors.js';
import { mergeCase } from '../../support/engine-fixtures.js';
import { admin, caseListSetup, dump, rebuilt } from './support.js';

/** Refusals a legal-looking move may still meet (a merge into a case that moved on, a poor follow-up, …). */
const refusals = new Set(['WORKFLOW.ILLEGAL_TRANSITION', 'COMMAND.INVALID', 'CASE.FOLLOW_UP_UNRESOLVED', 'CASE.MERGE_IN_PROGRESS', 'CASE.HAS_MERGED_CASES', 'CASE.MERGE_REFUSED']);

const step = fc.record({
  caseIndex: fc.nat({ max: 3 }),
  pick: fc.nat(),
  target: fc.nat({ max: 3 }),
  minutesLater: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  poor: fc.boolean(),
  /** Seldom end a case early or mark time, so histories reach deep statuses. */
  detour: fc.nat({ max: 5 }).map((n) => n === 0),
});
const detours = new Set<string>(['withdraw', 'merge', 'add-note', 'escalate']);

/** Data that takes both sides of the rules that look at it. */
const dataFor = (type: CaseCommandType, poor: boolean): object =>
  type === 'record-follow-up' && poor ? { resolved: false, satisfaction: 'unsatisfied' }
    : type === 'close' && poor ? { reason: 'The county rebuilds the road next year' }
      : {};

for (const version of [1, 2]) {
  t.test(`case-list@1 › over random legal histories (v${version}), the live model equals a rebuild and agrees with the workflow`, async (t) => {
    const moves = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 7 }), async (steps, batchSize) => {
        const { db, store, engine, act, settled } = await caseListSetup(t, { version, batchSize });
        const ids = [0, 1, 2, 3].map(() => randomUUID());
        let clock = Date.parse('2026-06-01T00:00:00Z');
        const at = () => new Date(clock).toISOString();
        for (const id of ids) await act(id, 'receive', at(), { urgency: 'emergency' });
        for (const s of steps) {
          clock += s.minutesLater * 60_000;
          const id = ids[s.caseIndex]!;
          const allowed = engine.allowedActions(await engine.load(`case-${id}`)).filter((c) => s.detour || !detours.has(c));
          if (allowed.length === 0) continue;
          const type = allowed[s.pick % allowed.length]!;
          try {
            if (type === 'merge') {
              const into = ids[s.target]!;
              if (into === id) continue;
              await mergeCase(engine, { streamId: id, type, data: { intoCaseId: into }, commandId: randomUUID(), actor: admin, occurredAt: at() });
            } else await act(id, type, at(), dataFor(type, s.poor));
            moves.set(type, (moves.get(type) ?? 0) + 1);
          } catch (error) {
            if (!(error instanceof HuiyinError) || !refusals.has(error.code)) throw error;
          }
        }
        await settled();
        const live = dump(db);
        const again = rebuilt(await store.readAll());
        t.same(dump(again), live, 'a rebuild from the log equals the model built batch by batch');
        again.close();
        for (const id of ids) {
          const { status, context } = await engine.load(`case-${id}`);
          const row = live.cases.find((r) => r.id === id)!;
          const expected = {
            status,
            reply_due_by: context.replyDueBy,
            deputy_ids: JSON.stringify(context.deputyIds),
            escalated: Number(context.escalations.length > 0),
            last_activity_at: context.lastActivityAt,
          };
          const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, row[key]]));
          if (JSON.stringify(actual) !== JSON.stringify(expected)) {
            throw new Error(`case ${id}: the row says ${JSON.stringify(actual)}, the workflow ${JSON.stringify(expected)}`);
          }
        }
      }),
      { numRuns: 30, seed: 20261201 },
    );
    const seen = [...moves.keys()];
    t.comment(JSON.stringify([...moves]));
    for (const move of ['assign', 'resolve', 'give-feedback', 'close', 'reopen', 'merge', 'escalate', 'withdraw']) {
      t.ok(seen.includes(move), `histories took the move ${move}`);
    }
  });
}
