import t from 'tap';
import { openReadModelDb } from '../../../projections/db.js';
import { startProjection } from '../../../projections/runner.js';
import { answer, dump, feedback, setup } from './fixtures.js';

/** A month of matters in every kind of history: answered, followed up, reopened, escalated, withdrawn, merged, left waiting. */
async function history(write: Awaited<ReturnType<typeof setup>>['write']) {
  for (let i = 0; i < 12; i++) {
    const day = String(1 + i * 2).padStart(2, '0');
    const id = `r${i}`;
    await write.receive(id, { at: `2026-06-${day} 09:00`, station: i % 3 ? 'st-a' : 'st-b', area: i % 3 ? '520221104' : '520221105', urgency: i % 2 ? 'urgent' : 'normal' });
    if (i % 4 === 0) await write.act(id, 'CaseEscalated', `2026-06-${day} 10:00`, { to: null, reason: 'slow', dueBy: null });
    if (i % 5 === 4) {
      await write.act(id, 'CaseWithdrawn', `2026-06-${day} 11:00`, {});
      continue;
    }
    if (i === 7) {
      await write.act(id, 'CaseMerged', `2026-06-${day} 11:00`, { intoCaseId: 'r6' });
      await write.act(id, 'FeedbackRelayed', '2026-06-28 09:00', { fromCaseId: 'r6', ...feedback });
      continue;
    }
    if (i % 3 === 2) continue;
    await answer(write, id, `2026-06-${day} ${i % 2 ? '20' : '12'}:00`);
    await write.act(id, 'FollowUpRecorded', '2026-06-27 09:00', { resolved: i % 2 === 0, satisfaction: i % 2 ? 'unsatisfied' : 'satisfied' });
    await write.act(id, 'CaseClosed', '2026-06-28 09:00', {});
    if (i === 0) await write.act(id, 'CaseReopened', '2026-06-29 09:00', { reason: 'again', replyDueBy: '2026-07-02T01:00:00.000Z' });
  }
}

t.test('dashboard read model › a rebuild from the log equals the model built as events came', async (t) => {
  const { store, db, projection, write, settled } = await setup(t);
  await history(write);
  await settled();
  const live = dump(db);
  t.ok(live.dashboard_v2_tallies!.length > 50, 'the history fills the tallies');
  const tallies = live.dashboard_v2_tallies as Array<{ grain: string; dim: string; n: number }>;
  t.same(tallies.filter((row) => row.n === 0), [], 'a count back at zero leaves no row');
  const statusRows = (grain: string) => tallies.filter((row) => row.grain === grain && row.dim === 'status').reduce((sum, row) => sum + row.n, 0);
  t.equal(statusRows('y'), 12, 'the year counts each case once, in its status now');
  t.equal(statusRows('m'), 12, 'as does the month');

  const rebuilt = openReadModelDb(':memory:');
  const runner = startProjection(rebuilt, store, projection, { batchSize: 7 });
  t.teardown(async () => {
    await runner.close();
    rebuilt.close();
  });
  t.ok(await runner.waitFor(await store.headPosition(), 2000));
  t.same(dump(rebuilt), live, 'every table, row for row');
});

t.test('dashboard read model › replaying events already applied changes nothing', async (t) => {
  const { store, db, projection, write, settled } = await setup(t);
  await history(write);
  await settled();
  const before = dump(db);
  const events = await store.readAll();
  db.transaction(() => {
    for (const event of events) projection.evolve(db, event);
  })();
  t.same(dump(db), before, 'each case’s revision guards its figures');
});
