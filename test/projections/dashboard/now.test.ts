import t from 'tap';
import { readDashboard, readTotals, type DashboardRequest } from '../../../projections/dashboard/index.js';
import { answer, cst, cstMs, feedback, setup } from './fixtures.js';

const request = (overrides: Partial<DashboardRequest> = {}): DashboardRequest => ({
  scope: {}, from: '2026-06-01', to: '2026-06-30', nowMs: cstMs('2026-06-20 12:00'), minSample: 5, ...overrides,
});

t.test('dashboard read model › overdue now is judged against the clock of the query, open cases only', async (t) => {
  const { db, write, settled } = await setup(t);
  // Urgent: due 24 h after receipt.
  await write.receive('unanswered', { at: '2026-06-10 09:00' });
  await write.receive('answered-late', { at: '2026-06-10 09:00' });
  await write.act('answered-late', 'CaseAcknowledged', '2026-06-12 09:00');
  await write.receive('answered-in-time', { at: '2026-06-10 09:00' });
  await write.act('answered-in-time', 'CaseAcknowledged', '2026-06-10 10:00');
  await write.receive('late-then-closed', { at: '2026-06-10 09:00' });
  await answer(write, 'late-then-closed', '2026-06-12 09:00');
  await write.act('late-then-closed', 'CaseClosed', '2026-06-12 10:00', {});
  await write.receive('not-due-yet', { at: '2026-06-20 09:00' });
  await write.receive('withdrawn', { at: '2026-06-10 09:00' });
  await write.act('withdrawn', 'CaseWithdrawn', '2026-06-10 12:00', {});
  await settled();
  const at = (local: string) => readDashboard(db, request({ nowMs: cstMs(local) }));
  t.match(at('2026-06-20 12:00'), { openNow: 4, overdueNow: 2 }, 'the unanswered one and the one answered late, both open');
  t.match(at('2026-06-21 09:30'), { overdueNow: 3 }, 'a day later the newest is past its deadline too');
  t.match(at('2026-06-10 12:00'), { overdueNow: 0 }, 'before any deadline: none');
  const response = at('2026-06-30 00:00').rates.response;
  t.match(response, { numerator: 1, denominator: 5 }, 'the withdrawn case’s deadline no longer counts; the four due by then do, and the newest');
});

t.test('dashboard read model › escalated now counts open escalated cases; reopening brings one back', async (t) => {
  const { db, write, settled } = await setup(t);
  await write.receive('e1', { at: '2026-06-10 09:00' });
  await write.act('e1', 'CaseEscalated', '2026-06-11 09:00', { to: null, reason: 'slow', dueBy: null });
  await write.act('e1', 'CaseEscalated', '2026-06-12 09:00', { to: null, reason: 'still slow', dueBy: null });
  await write.receive('e2', { at: '2026-06-10 09:00' });
  await write.act('e2', 'CaseEscalated', '2026-06-11 09:00', { to: null, reason: 'slow', dueBy: null });
  await answer(write, 'e2', '2026-06-12 09:00');
  await settled();
  t.match(readDashboard(db, request()), { escalatedNow: 1, openNow: 1 }, 'escalated twice counts once; an answered case is not open');
  await write.act('e2', 'CaseClosed', '2026-06-13 09:00', {});
  await write.act('e2', 'CaseReopened', '2026-06-14 09:00', { reason: 'again', replyDueBy: cst('2026-06-15 09:00') });
  await settled();
  const now = readDashboard(db, request({ nowMs: cstMs('2026-06-16 09:00') }));
  t.match(now, { escalatedNow: 2, openNow: 2, overdueNow: 2 }, 'reopened: open, escalated and past its new deadline');
  t.match(now.rates.response, { numerator: 0, denominator: 3 }, 'e1 missed; e2 answered late, and its new deadline counts again, missed');
});

t.test('dashboard read model › a scope counts only its cases, broken down by child area and by station', async (t) => {
  const { db, write, settled } = await setup(t);
  await write.receive('p1', { at: '2026-06-02 09:00', station: 'st-a', area: '520221104' });
  await write.receive('p2', { at: '2026-06-02 09:00', station: 'st-a', area: '520221104' });
  await write.receive('q1', { at: '2026-06-02 09:00', station: 'st-b', area: '520221105' });
  await write.receive('z1', { at: '2026-06-02 09:00', station: 'st-z', area: '520201' });
  await write.act('z1', 'CaseEscalated', '2026-06-03 09:00', { to: null, reason: 'slow', dueBy: null });
  await answer(write, 'p1', '2026-06-02 10:00');
  await settled();
  const shuicheng = readDashboard(db, request({ scope: { areaPrefix: '520221' } }));
  t.match(shuicheng, { openNow: 2, escalatedNow: 0, cases: { total: 3 } });
  t.same(shuicheng.byArea.map((a) => [a.areaCode, a.cases.total, a.openNow]), [['520221104', 2, 1], ['520221105', 1, 1]]);
  t.same(shuicheng.byStation.map((s) => [s.stationId, s.areaCode, s.cases.total]), [['st-a', '520221104', 2], ['st-b', '520221105', 1]]);
  const zhongshan = readDashboard(db, request({ scope: { areaPrefix: '520201' } }));
  t.match(zhongshan, { openNow: 1, escalatedNow: 1, overdueNow: 1, cases: { total: 1 } }, 'another district sees its own case only');
  t.same(zhongshan.byStation.map((s) => s.stationId), ['st-z']);
  const stations = readDashboard(db, request({ scope: { stationIds: ['st-b'] } }));
  t.match(stations, { cases: { total: 1 }, openNow: 1 });
  t.same(stations.byArea.map((a) => a.areaCode), ['52'], 'without an area: by province');
  t.same(readDashboard(db, request({ scope: { areaPrefix: '53' } })).cases.total, 0);
  t.same(readDashboard(db, request({ scope: { stationIds: [] } })).byStation, [], 'no stations: nothing');
});

t.test('dashboard read model › totals: receptions, opinions online and offline, things done, cases answered', async (t) => {
  const { db, write, settled } = await setup(t);
  const channels = ['reception-day', 'reception-day', 'home-visit', 'appointment', 'online-message', 'hotline'] as const;
  for (const [i, channel] of channels.entries()) await write.receive(`t${i}`, { at: '2026-06-02 09:00', channel });
  await write.receive('old', { at: '2025-12-31 09:00', channel: 'reception-day' });
  await answer(write, 't0', '2026-06-03 09:00');
  await answer(write, 't1', '2026-06-03 09:00');
  // Reopened and resolved as done again: one practical thing, answered once.
  await write.act('t1', 'CaseReopened', '2026-06-04 09:00', { reason: 'again', replyDueBy: null });
  await write.act('t1', 'CaseResolved', '2026-06-05 09:00', { outcome: 'done', summary: 'Fixed again' });
  await write.act('t1', 'FeedbackGiven', '2026-06-05 10:00', feedback);
  await write.act('t4', 'CaseDeclined', '2026-06-03 09:00', { reason: 'court matter' });
  await write.act('t4', 'FeedbackGiven', '2026-06-03 10:00', feedback);
  await settled();
  const now = cstMs('2026-06-20 12:00');
  t.same(readTotals(db, {}, '2026-01-01', now), {
    voterReceptions: 3,
    opinionsCollected: { online: 2, offline: 4, total: 6 },
    practicalThingsDone: 2,
    casesAnswered: 3,
  });
  t.match(readTotals(db, {}, undefined, now), { voterReceptions: 4, opinionsCollected: { total: 7 } }, 'without since: from the start');
  t.match(readTotals(db, {}, '2026-06-04', now), { voterReceptions: 0, practicalThingsDone: 0, casesAnswered: 0 });
  t.match(readTotals(db, { areaPrefix: '520201' }, undefined, now), { voterReceptions: 0, casesAnswered: 0 });
});
