import t from 'tap';
import { CommandInvalidError, IllegalTransitionError } from '../../../contracts/errors.js';
import { rotaWorkflow } from '../../../workflows/rota/index.js';
import { workflowSpec } from '../../support/workflow-spec.js';

// The spec clock: 2026-06-13T01:00Z is Saturday 13 June, 9:00 in China.
const rota = workflowSpec(rotaWorkflow);
const at = { streamId: 'st-fana' };
const monday = { weekday: 1, start: '09:00', end: '12:00', deputyIds: ['dep-hu', 'dep-wu'] };
const scheduleSet = (data: object = {}) => ({
  type: 'ReceptionScheduleSet',
  data: { stationId: 'st-fana', effectiveFrom: '2026-06-13', sessions: [monday], publishDaysAhead: 14, ...data },
});
const pathsOf = (error: unknown) => (error as CommandInvalidError).issues.map((issue) => issue.path).sort();

t.test('rota workflow › given no rota › setting the schedule takes over from today by default', async (t) => {
  const { decision } = rota([], at).when({ type: 'set-schedule', data: { sessions: [monday] } });
  t.same(decision?.events, [scheduleSet()]);
  t.equal(decision?.after.status, 'scheduled');
});

t.test('rota workflow › given no rota › a date cannot be changed before there is a schedule', async (t) => {
  const { error } = rota([], at).when({ type: 'change-date', data: { date: '2026-06-15', cancelled: true } });
  t.type(error, IllegalTransitionError);
  t.same((error as IllegalTransitionError).allowedActions, ['set-schedule']);
});

t.test('rota workflow › given no rota › a schedule may not take over in the past', async (t) => {
  const { error } = rota([], at).when({ type: 'set-schedule', data: { sessions: [monday], effectiveFrom: '2026-06-12' } });
  t.type(error, CommandInvalidError);
  t.same(pathsOf(error), ['data.effectiveFrom']);
});

t.test('rota workflow › given no rota › bad sessions name every bad field', async (t) => {
  const { error } = rota([], at).when({
    type: 'set-schedule',
    data: {
      sessions: [{ weekday: 0, start: '9:00', end: '12:00', deputyIds: [] }, { weekday: 2, start: '14:00', end: '13:00', deputyIds: ['dep-hu'] }],
      publishDaysAhead: 2,
    },
  });
  t.same(pathsOf(error), ['data.publishDaysAhead', 'data.sessions.0.deputyIds', 'data.sessions.0.start', 'data.sessions.0.weekday', 'data.sessions.1.end']);
});

t.test('rota workflow › given no rota › two sittings of one weekday may not overlap', async (t) => {
  const { error } = rota([], at).when({
    type: 'set-schedule',
    data: { sessions: [monday, { ...monday, start: '11:00', end: '15:00' }, { ...monday, weekday: 2, start: '11:00', end: '15:00' }] },
  });
  t.same(pathsOf(error), ['data.sessions.1.start']);
});

t.test('rota workflow › given a schedule › a later schedule replaces those due on or after its own date', async (t) => {
  const given = [scheduleSet(), scheduleSet({ effectiveFrom: '2026-07-01', publishDaysAhead: 7 }), scheduleSet({ effectiveFrom: '2026-08-01' })];
  const { decision } = rota(given, at).when({ type: 'set-schedule', data: { sessions: [], effectiveFrom: '2026-07-01', publishDaysAhead: 21 } });
  t.same(
    decision?.after.context.schedules.map((s) => [s.effectiveFrom, s.sessions.length, s.publishDaysAhead]),
    [['2026-06-13', 1, 14], ['2026-07-01', 0, 21]],
  );
});

t.test('rota workflow › given a schedule › cancelling a Monday records it with its reason', async (t) => {
  const { decision } = rota([scheduleSet()], at).when({ type: 'change-date', data: { date: '2026-06-15', cancelled: true, note: '端午节' } });
  t.same(decision?.events, [{ type: 'ReceptionDateChanged', data: { stationId: 'st-fana', date: '2026-06-15', cancelled: true, note: '端午节' } }]);
});

t.test('rota workflow › given a schedule › a date outside the pattern must be added whole', async (t) => {
  const { error } = rota([scheduleSet()], at).when({ type: 'change-date', data: { date: '2026-06-20', note: 'market day' } });
  t.same(pathsOf(error), ['data.deputyIds', 'data.end', 'data.start']);
  const added = rota([scheduleSet()], at).when({
    type: 'change-date',
    data: { date: '2026-06-20', start: '14:00', end: '17:00', deputyIds: ['dep-hu'] },
  });
  t.same(added.decision?.events[0]?.data, { stationId: 'st-fana', date: '2026-06-20', cancelled: false, start: '14:00', end: '17:00', deputyIds: ['dep-hu'] });
});

t.test('rota workflow › given a schedule › nothing to cancel on a day without a reception', async (t) => {
  const { error } = rota([scheduleSet()], at).when({ type: 'change-date', data: { date: '2026-06-16', cancelled: true } });
  t.same(pathsOf(error), ['data.cancelled']);
});

t.test('rota workflow › given an added Saturday › it can be cancelled again', async (t) => {
  const given = [scheduleSet(), { type: 'ReceptionDateChanged', data: { stationId: 'st-fana', date: '2026-06-20', cancelled: false, start: '14:00', end: '17:00', deputyIds: ['dep-hu'] } }];
  const { decision } = rota(given, at).when({ type: 'change-date', data: { date: '2026-06-20', cancelled: true } });
  t.equal(decision?.events[0]?.type, 'ReceptionDateChanged');
  t.same(decision?.after.context.dateChanges['2026-06-20']?.map((c) => c.cancelled), [false, true], 'both changes are kept');
});

t.test('rota workflow › given a schedule › past dates are not changed, and a cancelled day has no times', async (t) => {
  const past = rota([scheduleSet()], at).when({ type: 'change-date', data: { date: '2026-06-08', cancelled: true } });
  t.same(pathsOf(past.error), ['data.date']);
  const mixed = rota([scheduleSet()], at).when({ type: 'change-date', data: { date: '2026-06-15', cancelled: true, start: '10:00', end: '11:00' } });
  t.same(pathsOf(mixed.error), ['data.end', 'data.start']);
});
