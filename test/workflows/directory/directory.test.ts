import t from 'tap';
import { CommandInvalidError, HuiyinError, IllegalTransitionError } from '../../../contracts/errors.js';
import { areaWorkflow, deputyWorkflow, stationWorkflow } from '../../../workflows/directory/index.js';
import { allowedCommands } from '../../../workflows/engine/fold.js';
import { specTime, workflowSpec } from '../../support/workflow-spec.js';

const areas = workflowSpec(areaWorkflow);
const stations = workflowSpec(stationWorkflow);
const deputies = workflowSpec(deputyWorkflow);
const admin = { id: 'admin-1', role: 'admin' as const };

const panlong = { code: '520221104', name: 'Panlong Town' };
const station = {
  id: 'st-fana',
  name: 'Fana Village Room',
  kind: 'room',
  areaCode: '520221104',
  address: 'Fana village committee',
  receptionSchedule: 'Mondays 9:00–12:00',
};
const deputy = { id: 'dep-hu', name: 'Hu Lan', level: 'township', stationIds: ['st-fana'] };
const issuesOf = (error: unknown) => (error as CommandInvalidError).issues.map((i) => i.path).sort();

t.test('directory workflows › given no stream › register records the full entry', async (t) => {
  const { decision } = areas([], { streamId: panlong.code, actor: admin }).when({ type: 'register', data: panlong });
  t.same(decision?.events, [{ type: 'AreaRegistered', data: panlong }]);
  t.equal(decision?.after.status, 'registered');
  t.same(decision?.after.context.record, panlong);
});

t.test('directory workflows › given no stream › a deputy without stations gets an empty list', async (t) => {
  const { decision } = deputies([], { streamId: 'dep-new' }).when({
    type: 'register',
    data: { id: 'dep-new', name: 'Wu Min', level: 'county' },
  });
  t.same(decision?.events[0]?.data, { id: 'dep-new', name: 'Wu Min', level: 'county', stationIds: [] });
});

t.test('directory workflows › given no stream › register refuses a record whose id is not the stream id', async (t) => {
  const { error } = stations([], { streamId: 'st-other' }).when({ type: 'register', data: station });
  t.type(error, CommandInvalidError);
  t.same(issuesOf(error), ['data.id']);
});

t.test('directory workflows › given no stream › register names every bad field', async (t) => {
  const { error } = stations([], { streamId: 'st-fana' }).when({
    type: 'register',
    data: { ...station, kind: 'office', areaCode: '52', name: '  ', colour: 'red' },
  });
  t.type(error, CommandInvalidError);
  t.same(issuesOf(error), ['data', 'data.areaCode', 'data.kind', 'data.name']);
});

t.test('directory workflows › given no stream › update is illegal: there is nothing to update', async (t) => {
  const { error } = areas([], { streamId: panlong.code }).when({ type: 'update', data: { name: 'Panlong' } });
  t.type(error, IllegalTransitionError);
  t.same((error as IllegalTransitionError).allowedActions, ['register']);
});

t.test('directory workflows › given a registered entry › register again is illegal', async (t) => {
  const given = [{ type: 'StationRegistered', data: station }];
  const { before, when } = stations(given, { streamId: 'st-fana' });
  t.same(allowedCommands(stationWorkflow, before.snapshot), ['update'], 'only updates are offered');
  const { error } = when({ type: 'register', data: station });
  t.type(error, IllegalTransitionError);
});

t.test('directory workflows › given a registered entry › update carries the id and only what changed', async (t) => {
  const given = [{ type: 'StationRegistered', data: station }];
  const { decision } = stations(given, { streamId: 'st-fana' }).when({
    type: 'update',
    data: { name: 'Fana Village Room', address: 'New village hall', receptionSchedule: 'Tuesdays' },
  });
  t.same(decision?.events, [
    { type: 'StationUpdated', data: { id: 'st-fana', address: 'New village hall', receptionSchedule: 'Tuesdays' } },
  ]);
  t.same(decision?.after.context.record, { ...station, address: 'New village hall', receptionSchedule: 'Tuesdays' });
});

t.test('directory workflows › given a registered entry › an update that changes nothing is invalid', async (t) => {
  const given = [{ type: 'DeputyRegistered', data: deputy }];
  for (const data of [{}, { name: 'Hu Lan' }, { name: '  Hu Lan ', stationIds: ['st-fana'] }]) {
    const { error } = deputies(given, { streamId: 'dep-hu' }).when({ type: 'update', data });
    t.type(error, CommandInvalidError, JSON.stringify(data));
    t.same(issuesOf(error), ['data']);
  }
});

t.test('directory workflows › given a deputy › a new station order is a change', async (t) => {
  const given = [{ type: 'DeputyRegistered', data: { ...deputy, stationIds: ['st-fana', 'st-panlong'] } }];
  const { decision } = deputies(given, { streamId: 'dep-hu' }).when({
    type: 'update',
    data: { stationIds: ['st-panlong', 'st-fana'] },
  });
  t.same(decision?.events[0]?.data, { id: 'dep-hu', stationIds: ['st-panlong', 'st-fana'] });
});

t.test('directory workflows › given updates › the record folds every change in order', async (t) => {
  const given = [
    { type: 'AreaRegistered', data: panlong, occurredAt: '2026-01-05T02:00:00.000Z' },
    { type: 'AreaUpdated', data: { code: panlong.code, name: 'Panlong' }, occurredAt: '2026-03-01T02:00:00.000Z' },
    { type: 'AreaUpdated', data: { code: panlong.code, name: 'Panlong Township' } },
  ];
  const { before, when } = areas(given, { streamId: panlong.code });
  t.same(before.context.record, { code: panlong.code, name: 'Panlong Township' });
  t.same([before.context.registeredAt, before.context.updatedAt], ['2026-01-05T02:00:00.000Z', specTime], 'registered once, updated last at the latest change');
  t.type(when({ type: 'update', data: { name: 'Panlong Township' } }).error, CommandInvalidError);
});

t.test('directory workflows › rejects unknown commands and refuses to rename the identity', async (t) => {
  const given = [{ type: 'AreaRegistered', data: panlong }];
  const unknown = areas(given, { streamId: panlong.code }).when({ type: 'delete', data: {} });
  t.equal((unknown.error as HuiyinError).code, 'COMMAND.UNKNOWN');
  const rename = areas(given, { streamId: panlong.code }).when({ type: 'update', data: { code: '520221105' } });
  t.same(issuesOf(rename.error), ['data'], 'the code is the identity: an unknown field in a change');
});

t.test('directory workflows › a deputy may not list a station twice', async (t) => {
  const { error } = deputies([], { streamId: 'dep-hu' }).when({
    type: 'register',
    data: { ...deputy, stationIds: ['st-fana', 'st-fana'] },
  });
  t.same(issuesOf(error), ['data.stationIds']);
});
