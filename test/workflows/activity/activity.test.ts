import t from 'tap';
import { CommandInvalidError, IllegalTransitionError } from '../../../contracts/errors.js';
import { activityWorkflow, mayManageActivity } from '../../../workflows/activity/index.js';
import { workflowSpec } from '../../support/workflow-spec.js';

/** Given/when/then over the activity workflow; the spec acts at 2026-06-13T01:00Z. */
const spec = workflowSpec(activityWorkflow);
const where = { kind: 'inspection', title: '村道安全视察', place: '法那村', areaCode: '520221104', stationId: 'st-panlong', deputyIds: ['dep-zhou', 'dep-wu'] };
const announced = { type: 'ActivityAnnounced', data: { activityId: 'spec-1', ...where, startsAt: '2026-06-12T01:00:00.000Z' } };
const held = { type: 'ActivityHeld', data: { activityId: 'spec-1', ...where, heldAt: '2026-06-12T02:00:00.000Z', attendance: 12, summary: '查看三处隐患' } };
const cancelled = { type: 'ActivityCancelled', data: { activityId: 'spec-1', reason: '暴雨' } };

t.test('activity workflow › announcing one to come; one already begun is refused', async (t) => {
  const ok = spec([]).when({ type: 'announce', data: { ...where, startsAt: '2026-06-20T01:00:00+00:00', summary: '欢迎群众参加' } });
  t.same(ok.decision?.events, [{ type: 'ActivityAnnounced', data: { activityId: 'spec-1', ...where, startsAt: '2026-06-20T01:00:00.000Z', summary: '欢迎群众参加' } }]);
  t.equal(ok.decision?.after.status, 'announced');
  const past = spec([]).when({ type: 'announce', data: { ...where, startsAt: '2026-06-12T01:00:00Z' } });
  t.type(past.error, CommandInvalidError);
  t.same((past.error as CommandInvalidError).issues.map((i) => i.path), ['data.startsAt']);
  const backwards = spec([]).when({ type: 'announce', data: { ...where, startsAt: '2026-06-20T01:00:00Z', endsAt: '2026-06-20T00:00:00Z' } });
  t.same((backwards.error as CommandInvalidError).issues.map((i) => i.path), ['data.endsAt']);
});

t.test('activity workflow › recording one already held, without an announcement', async (t) => {
  const data = { ...where, heldAt: '2026-06-12T02:00:00Z', attendance: 12, summary: '查看三处隐患' };
  const ok = spec([]).when({ type: 'record', data });
  t.same(ok.decision?.events, [held]);
  t.equal(ok.decision?.after.status, 'held');
  const future = spec([]).when({ type: 'record', data: { ...data, heldAt: '2026-06-14T02:00:00Z' } });
  t.same((future.error as CommandInvalidError).issues.map((i) => i.path), ['data.heldAt']);
  t.type(spec([announced]).when({ type: 'record', data }).error, IllegalTransitionError, 'an announced activity is held, not recorded anew');
});

t.test('activity workflow › when announced › held with the announced record, its start and deputies by default', async (t) => {
  const given = spec([announced]);
  t.same(given.before.status, 'announced');
  const ok = given.when({ type: 'hold', data: { attendance: 12, summary: '查看三处隐患' } });
  t.same(ok.decision?.events, [{ type: 'ActivityHeld', data: { ...held.data, heldAt: '2026-06-12T01:00:00.000Z' } }]);
  const who = given.when({ type: 'hold', data: { heldAt: '2026-06-12T02:00:00Z', deputyIds: ['dep-zhou'], attendance: 3, summary: '只去了一人' } });
  t.same((who.decision?.events[0]?.data as { deputyIds: string[] }).deputyIds, ['dep-zhou'], 'who took part may differ from who was announced');
  const early = spec([{ ...announced, data: { ...announced.data, startsAt: '2026-06-20T01:00:00.000Z' } }]).when({ type: 'hold', data: { attendance: 1, summary: 'x' } });
  t.type(early.error, CommandInvalidError, 'not held before it begins unless told when');
  t.same(given.when({ type: 'cancel', data: { reason: '暴雨' } }).decision?.events, [cancelled]);
});

t.test('activity workflow › held and cancelled take nothing more; nothing is held before it exists', async (t) => {
  for (const [name, history] of [['held', [announced, held]], ['cancelled', [announced, cancelled]], ['recorded', [held]]] as const) {
    for (const command of [{ type: 'hold', data: { attendance: 1, summary: 'x' } }, { type: 'cancel', data: { reason: 'x' } }]) {
      const outcome = spec([...history]).when(command);
      t.type(outcome.error, IllegalTransitionError, `${name}: ${command.type}`);
      t.same((outcome.error as IllegalTransitionError).allowedActions, []);
    }
  }
  t.type(spec([]).when({ type: 'hold', data: { attendance: 1, summary: 'x' } }).error, IllegalTransitionError);
  t.type(spec([]).when({ type: 'cancel', data: { reason: 'x' } }).error, IllegalTransitionError);
});

t.test('activity workflow › who may manage an activity', async (t) => {
  const scope = { areaCode: '520221104', stationId: 'st-panlong', deputyIds: ['dep-zhou'] };
  const cases: Array<[string, Parameters<typeof mayManageActivity>[0], boolean]> = [
    ['admin', { id: 'a', role: 'admin' }, true],
    ['supervisor of the district', { id: 's', role: 'supervisor', area: '520221' }, true],
    ['supervisor elsewhere', { id: 's', role: 'supervisor', area: '520201' }, false],
    ['staff of the station', { id: 'st', role: 'staff', stations: ['st-panlong'] }, true],
    ['staff of another station', { id: 'st', role: 'staff', stations: ['st-baichehe'] }, false],
    ['a deputy taking part', { id: 'dep-zhou', role: 'deputy' }, true],
    ['another deputy', { id: 'dep-wu', role: 'deputy' }, false],
    ['an auditor', { id: 'aud', role: 'auditor' }, false],
  ];
  for (const [name, who, expected] of cases) t.equal(mayManageActivity(who, scope), expected, name);
  t.notOk(mayManageActivity({ id: 'st', role: 'staff', stations: ['st-panlong'] }, { ...scope, stationId: undefined }), 'staff manage only their stations’');
});

t.test('activity › held more than 30 days before it is recorded, it is refused: 三个一 is not made up afterwards', async (t) => {
  // The spec's time is 2026-06-13T01:00Z.
  const record = (heldAt: string) => spec([]).when({ type: 'record', data: { ...where, heldAt, attendance: 3, summary: '走访' } });
  t.equal(record('2026-05-15T01:00:00.000Z').error, undefined, '29 days back is taken');
  const late = record('2026-05-13T00:00:00.000Z').error;
  t.type(late, CommandInvalidError);
  t.match((late as CommandInvalidError).issues, [{ path: 'data.heldAt' }]);
  const old = spec([{ ...announced, data: { ...announced.data, startsAt: '2026-04-01T01:00:00.000Z' } }]);
  t.type(old.when({ type: 'hold', data: { attendance: 3, summary: '走访' } }).error, CommandInvalidError, 'an announced one held long ago likewise');
});
