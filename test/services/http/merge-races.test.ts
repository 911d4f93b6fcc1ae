import t from 'tap';
import { randomUUID } from 'node:crypto';
import { HuiyinError } from '../../../contracts/errors.js';
import type { CaseAction } from '../../../contracts/case/commands.js';
import { caseWorkflows } from '../../../workflows/case/index.js';
import { emptyStream, foldEvents } from '../../../workflows/engine/fold.js';
import { bodies, people, testApp } from '../../support/test-app.js';

/**
 * Two service instances over one log race every ordered pair of merge,
 * withdraw, close and reopen on two cases, and the log — not the status
 * codes — is checked: of two merged cases one is always live, a merge
 * target was open and lists the case, and nothing is left half-merged.
 * (HUIYIN_TEST_STORE=esdb-wire runs this over the EventStoreDB adapter.)
 */
type Op = { name: string; on: 'x' | 'y'; action: CaseAction; data: (ids: { x: string; y: string }) => unknown };
const ops: Op[] = [
  { name: 'merge x→y', on: 'x', action: 'merge', data: (ids) => ({ intoCaseId: ids.y }) },
  { name: 'merge y→x', on: 'y', action: 'merge', data: (ids) => ({ intoCaseId: ids.x }) },
  { name: 'withdraw x', on: 'x', action: 'withdraw', data: () => ({ reason: 'sorted out' }) },
  { name: 'withdraw y', on: 'y', action: 'withdraw', data: () => ({ reason: 'sorted out' }) },
  { name: 'close x', on: 'x', action: 'close', data: () => ({}) },
  { name: 'close y', on: 'y', action: 'close', data: () => ({}) },
  { name: 'reopen x', on: 'x', action: 'reopen', data: () => ({ reason: 'flooded again' }) },
  { name: 'reopen y', on: 'y', action: 'reopen', data: () => ({ reason: 'flooded again' }) },
];
/** How the two cases start: both resolved (mergeable, reopenable), or y already answered (closable). */
const starts: Array<Record<'x' | 'y', Array<[string, unknown?]>>> = [
  { x: [['assign', bodies.assign], ['acknowledge'], ['resolve', bodies.resolve]], y: [['assign', bodies.assign], ['acknowledge'], ['resolve', bodies.resolve]] },
  { x: [['assign', bodies.assign], ['acknowledge'], ['resolve', bodies.resolve]], y: [['assign', bodies.assign], ['acknowledge'], ['resolve', bodies.resolve], ['give-feedback', bodies.feedback]] },
];

t.test('merge races › every pair of merge, withdraw, close and reopen on two cases keeps the merge invariants', async (t) => {
  const first = await testApp(t);
  const second = await testApp(t, { store: first.store, seed: false });
  const admin = { sub: people.supervisor.sub, role: 'supervisor' as const, stations: [], area: people.supervisor.area };
  let merges = 0;
  const outcomes = new Map<string, number>();
  for (const start of starts) {
    for (const a of ops) {
      for (const b of ops) {
        if (a === b) continue;
        const ids = { x: (await first.openCase(start.x)).id, y: (await first.openCase(start.y)).id };
        const run = (app: typeof first, op: Op) =>
          app.app.cases
            .act(admin, ids[op.on], op.action, op.data(ids), { now: new Date().toISOString(), idempotencyKey: randomUUID() })
            .then(() => 'ok', (error: unknown) => (error instanceof HuiyinError ? error.code : String(error)));
        const results = await Promise.all([run(first, a), run(second, b)]);
        for (const result of results) outcomes.set(result, (outcomes.get(result) ?? 0) + 1);
        const [x, y] = await Promise.all([ids.x, ids.y].map(async (id) => {
          const events = await first.store.readStream(`case-${id}`);
          return foldEvents(caseWorkflows, emptyStream(caseWorkflows.versions.get(2)!, `case-${id}`), events);
        }));
        const pair = `${a.name} ‖ ${b.name}`;
        for (const [source, target] of [[x!, y!], [y!, x!]] as const) {
          t.same(source.context.pendingMerges, [], `${pair}: nothing left half-merged`);
          if (source.status !== 'merged') continue;
          merges++;
          t.equal(source.context.mergedInto, target.context.caseId, `${pair}: merged into the other case`);
          t.ok(!['merged', 'withdrawn'].includes(target.status), `${pair}: the target is live (${target.status})`);
          t.ok(target.context.mergedCases.includes(source.context.caseId), `${pair}: the target lists the merged case`);
        }
        t.notOk(x!.status === 'merged' && y!.status === 'merged', `${pair}: never merged into each other`);
      }
    }
  }
  t.ok(merges > 10, `merges did land in the races (${merges}), so the checks above ran`);
  t.ok((outcomes.get('ok') ?? 0) > 0 && outcomes.size > 1, `both successes and refusals: ${JSON.stringify([...outcomes])}`);
});
