import t, { type Test } from 'tap';
import { chinaPeriodsOf, readThreeOnes, threeOnesProjection } from '../../../projections/three-ones/index.js';
import { activityHeld, caseReceived, projected, siteCheck, visit } from './support.js';

/**
 * 三个一 on calendars worked out by hand, China time (UTC+8), judged as of
 * 15 August 2026 (China). Zhou joined on 5 January, Bai on 20 May, Chen on
 * 5 January and never did anything.
 */
const NOW = '2026-08-15T00:00:00.000Z';

async function year2026(t: Test) {
  const s = await projected(t, threeOnesProjection);
  await s.add('station-st-a', 'StationRegistered', { id: 'st-a', name: 'A', kind: 'station', areaCode: '520221104', address: 'x', receptionSchedule: 'x' });
  await s.add('station-st-b', 'StationRegistered', { id: 'st-b', name: 'B', kind: 'station', areaCode: '520201003', address: 'x', receptionSchedule: 'x' });
  await s.add('deputy-dep-zhou', 'DeputyRegistered', { id: 'dep-zhou', name: '周兰', level: 'township', stationIds: ['st-a'] }, '2026-01-05T01:00:00.000Z');
  await s.add('deputy-dep-chen', 'DeputyRegistered', { id: 'dep-chen', name: '陈刚', level: 'township', stationIds: ['st-a'] }, '2026-01-05T01:00:00.000Z');
  await s.add('deputy-dep-bai', 'DeputyRegistered', { id: 'dep-bai', name: '白雪', level: 'county', stationIds: ['st-b'] }, '2026-05-20T02:00:00.000Z');
  // Zhou. 2025-12-31T16:30Z is 1 January 2026 in China: the year's report-back, and an activity of Q1.
  await s.add('activity-a0', 'ActivityHeld', activityHeld('a0', 'report-back', ['dep-zhou'], '2025-12-31T16:30:00.000Z'));
  await s.add('case-c1', 'CaseReceived', caseReceived('c1', ['dep-zhou'], '2026-01-31T15:59:59.000Z')); // 31 Jan 23:59:59
  await s.add('case-c1', 'SiteCheckCompleted', siteCheck(['dep-zhou'], '2026-01-31T16:00:00.000Z')); // 1 Feb 00:00
  await s.add('activity-a1', 'ActivityHeld', activityHeld('a1', 'inspection', ['dep-zhou'], '2026-03-31T15:00:00.000Z')); // 31 Mar 23:00: Q1, no contact
  await s.add('visit-v1', 'VisitRegistered', visit('v1', ['dep-zhou'], '2026-03-31T17:00:00.000Z')); // 1 Apr 01:00: April, not March
  await s.add('appointment-p1', 'AppointmentHeld', { heldAt: '2026-05-10T02:00:00.000Z', deputyIds: ['dep-zhou'], caseIds: [] });
  await s.add('activity-a2', 'ActivityHeld', activityHeld('a2', 'contact', ['dep-zhou', 'dep-zhou'], '2026-06-30T16:30:00.000Z')); // 1 Jul: July and Q3
  // Bai, from 20 May: May, June and July each have a contact, Q2 an activity.
  await s.add('case-c2', 'CaseReceived', caseReceived('c2', ['dep-bai'], '2026-05-25T02:00:00.000Z'));
  await s.add('appointment-p2', 'AppointmentHeld', { heldAt: '2026-06-05T02:00:00.000Z', deputyIds: ['dep-bai'], caseIds: [] });
  await s.add('activity-a3', 'ActivityHeld', activityHeld('a3', 'study', ['dep-bai'], '2026-06-15T02:00:00.000Z'));
  await s.add('visit-v2', 'VisitRegistered', visit('v2', ['dep-bai'], '2026-07-10T02:00:00.000Z'));
  // Messages left online for Chen, and a hotline call: nobody met anyone, so no contact of his.
  await s.add('case-c3', 'CaseReceived', { ...caseReceived('c3', ['dep-chen'], '2026-03-10T02:00:00.000Z'), channel: 'online-message' });
  await s.add('case-c4', 'CaseReceived', { ...caseReceived('c4', ['dep-chen'], '2026-04-10T02:00:00.000Z'), channel: 'hotline' });
  // Odd appointment events are passed over, not fatal.
  await s.add('appointment-p3', 'AppointmentHeld', { deputyIds: ['dep-chen'] });
  await s.add('appointment-p4', 'AppointmentRequested', { heldAt: '2026-02-01T00:00:00.000Z', deputyIds: ['dep-chen'] });
  await s.settled();
  return s;
}

const statuses = (periods: Array<{ status: string }>) => periods.map((p) => p.status);

t.test('three ones › China-time periods: 2026-03-31T17:00Z is April and Q2 there', async (t) => {
  t.same(chinaPeriodsOf('2026-03-31T17:00:00Z'), { month: '2026-04', quarter: '2026-Q2', year: '2026' });
  t.same(chinaPeriodsOf('2026-03-31T15:59:59.999Z'), { month: '2026-03', quarter: '2026-Q1', year: '2026' });
  t.same(chinaPeriodsOf('2025-12-31T16:00:00Z'), { month: '2026-01', quarter: '2026-Q1', year: '2026' });
});

t.test('three ones › a deputy behind: months and quarters missed, counted on China-time boundaries', async (t) => {
  const { db } = await year2026(t);
  const [zhou] = readThreeOnes(db, { deputyId: 'dep-zhou' }, 2026, NOW);
  t.same(statuses(zhou!.months), ['met', 'met', 'missed', 'met', 'met', 'missed', 'met', 'open', 'not-due', 'not-due', 'not-due', 'not-due']);
  t.same(zhou!.months.map((m) => m.contacts), [1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0], 'one contact a month; named twice in one activity counts once');
  t.same(statuses(zhou!.quarters), ['met', 'missed', 'met', 'not-due']);
  t.same(zhou!.quarters.map((q) => q.activities), [2, 0, 1, 0]);
  t.same(zhou!.year, { period: '2026', status: 'met', reportBacks: 1 });
  t.same(zhou!.missed, { months: 2, quarters: 1, year: false });
  t.equal(zhou!.behind, true);
  t.equal(zhou!.joinedAt, '2026-01-05T01:00:00.000Z', 'joined when the directory registered them');
});

t.test('three ones › a deputy who joins mid-year owes nothing for the months before', async (t) => {
  const { db } = await year2026(t);
  const [bai] = readThreeOnes(db, { deputyId: 'dep-bai' }, 2026, NOW);
  t.same(statuses(bai!.months), ['not-due', 'not-due', 'not-due', 'not-due', 'met', 'met', 'met', 'open', 'not-due', 'not-due', 'not-due', 'not-due']);
  t.same(statuses(bai!.quarters), ['not-due', 'met', 'open', 'not-due']);
  t.same(bai!.year, { period: '2026', status: 'open', reportBacks: 0 }, 'the year is judged once it is over');
  t.equal(bai!.behind, false);
  // Had Bai done nothing in May, the month they joined in would count against them.
  const [lateBai] = readThreeOnes(db, { deputyId: 'dep-bai' }, 2026, '2026-06-01T00:00:00.000Z');
  t.equal(lateBai!.months[4]!.status, 'met');
  const [chen] = readThreeOnes(db, { deputyId: 'dep-chen' }, 2026, NOW);
  t.same(chen!.missed, { months: 7, quarters: 2, year: false }, 'nothing done (messages left for him are not contacts): January to July and Q1, Q2 missed');
  const [chenNextYear] = readThreeOnes(db, { deputyId: 'dep-chen' }, 2025, NOW);
  t.equal(chenNextYear!.behind, false, 'a year before joining owes nothing');
  t.ok(statuses(chenNextYear!.months).every((s) => s === 'not-due'));
});

t.test('three ones › deputies by area (their stations’), by station, by id', async (t) => {
  const { db } = await year2026(t);
  const ids = (filter: Parameters<typeof readThreeOnes>[1]) => readThreeOnes(db, filter, 2026, NOW).map((d) => d.deputyId);
  t.same(ids({ area: '520221' }), ['dep-zhou', 'dep-chen'], 'by name: 周 (U+5468) before 陈 (U+9648)');
  t.same(ids({ area: '520201003' }), ['dep-bai']);
  t.same(ids({ stationIds: ['st-b'] }), ['dep-bai']);
  t.same(ids({ area: '520221', deputyId: 'dep-bai' }), []);
  t.same(ids({ area: '9' }), []);
  t.equal(ids({}).length, 3);
});

t.test('three ones › a renamed deputy keeps their join date; a moved one changes area', async (t) => {
  const s = await year2026(t);
  await s.add('deputy-dep-bai', 'DeputyUpdated', { id: 'dep-bai', name: '白雪梅', stationIds: ['st-a'] }, '2026-07-01T00:00:00.000Z');
  await s.settled();
  const [bai] = readThreeOnes(s.db, { area: '520221104', deputyId: 'dep-bai' }, 2026, NOW);
  t.equal(bai?.name, '白雪梅');
  t.equal(bai?.joinedAt, '2026-05-20T02:00:00.000Z');
});
