import t from 'tap';
import { readDashboard, type DashboardRequest } from '../../../projections/dashboard/index.js';
import { answer, cstMs, feedback, setup } from './fixtures.js';

const june = (overrides: Partial<DashboardRequest> = {}): DashboardRequest => ({
  scope: {}, from: '2026-06-01', to: '2026-06-30', nowMs: cstMs('2026-07-01 09:00'), minSample: 5, ...overrides,
});

/**
 * Six urgent matters raised at 10:00 on June 1 (China time), due 24 hours
 * later: four acknowledged that evening, one two days late, one never.
 */
async function sixDeadlines(t: Parameters<typeof setup>[0]) {
  const fixture = await setup(t);
  const { write } = fixture;
  for (let i = 1; i <= 6; i++) await write.receive(`d${i}`, { at: '2026-06-01 10:00' });
  for (let i = 1; i <= 4; i++) await write.act(`d${i}`, 'CaseAcknowledged', '2026-06-01 20:00');
  await write.act('d5', 'CaseAcknowledged', '2026-06-03 10:00');
  await fixture.settled();
  return fixture;
}

t.test('dashboard read model › 响应率 counts deadlines met by a first reply over deadlines passed', async (t) => {
  const { db } = await sixDeadlines(t);
  const response = readDashboard(db, june()).rates.response;
  t.match(response, { value: 0.6667, numerator: 4, denominator: 6 });
  t.notOk(response.insufficientData);
  t.match(response.formula, { version: 1, en: /÷/, zh: /÷/ });
  const strict = readDashboard(db, june({ minSample: 7 })).rates.response;
  t.same([strict.value, strict.numerator, strict.denominator, strict.insufficientData], [null, 4, 6, true], 'under the minimum sample: no value, the counts kept');
});

t.test('dashboard read model › a deadline counts in the period it falls in, once its hour has ended', async (t) => {
  const { db } = await sixDeadlines(t);
  const rate = (overrides: Partial<DashboardRequest>) => readDashboard(db, june(overrides)).rates.response;
  t.match(rate({ from: '2026-06-02', to: '2026-06-02' }), { numerator: 4, denominator: 6 }, 'due on June 2');
  t.match(rate({ from: '2026-06-01', to: '2026-06-01' }), { value: null, denominator: 0, insufficientData: true }, 'none due on June 1');
  t.match(rate({ nowMs: cstMs('2026-06-02 10:30') }), { denominator: 0 }, 'the hour of the deadline is not over yet');
  t.match(rate({ nowMs: cstMs('2026-06-02 11:00') }), { numerator: 4, denominator: 6 }, 'the hour is over');
  const counts = (overrides: Partial<DashboardRequest>) => readDashboard(db, june(overrides)).cases.total;
  t.equal(counts({}), 6, 'received in June');
  t.equal(counts({ from: '2026-06-02' }), 0, 'received before the period');
});

t.test('dashboard read model › days are China days: 23:30 on June 30 is June, 00:30 on July 1 is not', async (t) => {
  const { db, write, settled } = await setup(t);
  await write.receive('late-june', { at: '2026-06-30 23:30' });
  await write.receive('early-july', { at: '2026-07-01 00:30' });
  await write.receive('first-june', { at: '2026-06-01 00:00' });
  await write.receive('last-may', { at: '2026-05-31 23:59' });
  await settled();
  const after = cstMs('2026-08-01 00:00');
  t.equal(readDashboard(db, june({ nowMs: after })).cases.total, 2, 'June 1 00:00 and June 30 23:30');
  t.equal(readDashboard(db, june({ from: '2026-05-31', to: '2026-07-01', nowMs: after })).cases.total, 4);
  t.equal(readDashboard(db, june({ from: '2026-05-15', to: '2026-07-15', nowMs: after })).cases.total, 4, 'whole months and edge days together');
});

t.test('dashboard read model › counts cases received in the period by where they stand now', async (t) => {
  const { db, write, settled } = await setup(t);
  await write.receive('a', { at: '2026-06-03 09:00', channel: 'online-message', urgency: 'normal', category: 'water' });
  await write.receive('b', { at: '2026-06-03 09:00' });
  await write.receive('c', { at: '2026-06-04 09:00', channel: 'home-visit', urgency: 'emergency' });
  await write.act('b', 'CaseAssigned', '2026-06-03 10:00', { deputyIds: ['dep-li'] });
  await answer(write, 'c', '2026-06-04 10:00');
  await write.act('c', 'FollowUpRecorded', '2026-06-05 10:00', { resolved: true, satisfaction: 'satisfied' });
  await write.act('c', 'CaseClosed', '2026-06-05 11:00', {});
  await settled();
  const { cases } = readDashboard(db, june());
  t.equal(cases.total, 3);
  t.match(cases.byGroup, { open: 2, answered: 0, closed: 1 });
  t.match(cases.byStatus, { received: 1, assigned: 1, closed: 1, answered: 0 });
  t.same(cases.byCategory, { water: 1, roads: 2 });
  t.match(cases.byChannel, { 'online-message': 1, 'reception-day': 1, 'home-visit': 1, hotline: 0 });
  t.match(cases.byUrgency, { normal: 1, urgent: 1, emergency: 1, complex: 0 });
});

t.test('dashboard read model › 解决率 and 满意率 come from the follow-ups recorded in the period', async (t) => {
  const { db, write, settled } = await setup(t);
  const followUps = [
    [true, 'satisfied'], [true, 'basically-satisfied'], [true, 'unsatisfied'], [false, 'basically-satisfied'], [false, 'unsatisfied'],
  ] as const;
  for (const [i, [resolved, satisfaction]] of followUps.entries()) {
    await write.receive(`f${i}`, { at: '2026-06-02 09:00' });
    await answer(write, `f${i}`, '2026-06-02 12:00');
    await write.act(`f${i}`, 'FollowUpRecorded', '2026-06-10 09:00', { resolved, satisfaction });
  }
  // Followed up in July: outside June's rates.
  await write.receive('july', { at: '2026-06-02 09:00' });
  await answer(write, 'july', '2026-06-02 12:00');
  await write.act('july', 'FollowUpRecorded', '2026-07-01 09:00', { resolved: true, satisfaction: 'satisfied' });
  await settled();
  const { rates } = readDashboard(db, june({ nowMs: cstMs('2026-07-02 00:00') }));
  t.match(rates.resolution, { value: 0.6, numerator: 3, denominator: 5 });
  t.match(rates.satisfaction, { value: 0.6, numerator: 3, denominator: 5 });
  const four = readDashboard(db, june({ to: '2026-06-09' })).rates.resolution;
  t.match(four, { value: null, denominator: 0, insufficientData: true }, 'no follow-up before June 10');
  t.match(readDashboard(db, june({ to: '2026-07-31', nowMs: cstMs('2026-08-01 00:00') })).rates.satisfaction, { numerator: 4, denominator: 6 });
});

t.test('dashboard read model › median and p90 hours come from the histogram, within 2.5%', async (t) => {
  const { db, write, settled } = await setup(t);
  const ackAfter = ['2026-06-01 12:00', '2026-06-01 14:00', '2026-06-01 20:00', '2026-06-02 06:00', '2026-06-03 10:00']; // 2, 4, 10, 20, 48 h
  for (const [i, at] of ackAfter.entries()) {
    await write.receive(`h${i}`, { at: '2026-06-01 10:00' });
    await write.act(`h${i}`, 'CaseAssigned', '2026-06-01 11:00', { deputyIds: ['dep-li'] });
    await write.act(`h${i}`, 'CaseAcknowledged', at);
    // A second acknowledgement (after a reassignment) is not the first step.
    await write.act(`h${i}`, 'CaseAcknowledged', '2026-06-20 10:00');
  }
  await write.act('h0', 'FeedbackGiven', '2026-06-02 10:00', feedback);
  await settled();
  const { hours } = readDashboard(db, june());
  t.equal(hours.toAcknowledge.count, 5);
  t.ok(Math.abs(hours.toAcknowledge.median! - 10) <= 0.25, `median ${hours.toAcknowledge.median} ≈ 10 h`);
  t.ok(Math.abs(hours.toAcknowledge.p90! - 48) <= 1.2, `p90 ${hours.toAcknowledge.p90} ≈ 48 h`);
  t.match(hours.toFeedback, { median: null, p90: null, count: 1, insufficientData: true });
  const one = readDashboard(db, june({ minSample: 1 })).hours.toFeedback;
  t.ok(one.count === 1 && Math.abs(one.median! - 24) <= 0.6, `a smaller minimum shows one sample: ${one.median} ≈ 24 h`);
});
