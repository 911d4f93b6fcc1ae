import t from 'tap';
import { CommandInvalidError, IllegalTransitionError } from '../../../contracts/errors.js';
import { categoryWorkflow, directoryWorkflows } from '../../../workflows/directory/index.js';
import { allowedCommands } from '../../../workflows/engine/fold.js';
import { category } from '../../support/directory-fixtures.js';
import { workflowSpec } from '../../support/workflow-spec.js';

const categories = workflowSpec(categoryWorkflow);
const admin = { id: 'admin-1', role: 'admin' as const };
const roads = category('520221', 'roads', 'Roads and drains', '道路与排水', 'urgent');
const issuesOf = (error: unknown) => (error as CommandInvalidError).issues.map((i) => i.path).sort();

t.test('directory workflows › categories › one kind of entry among the others, streamed as category-<area>.<code>', async (t) => {
  t.equal(directoryWorkflows.category, categoryWorkflow);
  t.same([categoryWorkflow.name, categoryWorkflow.category], ['category', 'category']);
  t.equal(roads.id, '520221.roads');
});

t.test('directory workflows › categories › given no stream › register records the whole category', async (t) => {
  const { decision } = categories([], { streamId: roads.id, actor: admin }).when({ type: 'register', data: roads });
  t.same(decision?.events, [{ type: 'CategoryRegistered', data: roads }]);
  t.same(decision?.after.context.record, roads);
});

t.test('directory workflows › categories › given no stream › refuses free text as a code, and a bad urgency', async (t) => {
  const { error } = categories([], { streamId: '520221.roads' }).when({
    type: 'register',
    data: { ...roads, code: 'Roads and drains', defaultUrgency: 'soon' },
  });
  t.type(error, CommandInvalidError);
  t.same(issuesOf(error), ['data.code', 'data.defaultUrgency']);
});

t.test('directory workflows › categories › given no stream › the id must be the stream’s', async (t) => {
  const { error } = categories([], { streamId: '520221.water' }).when({ type: 'register', data: roads });
  t.same(issuesOf(error), ['data.id']);
});

t.test('directory workflows › categories › given a category › renames it and changes its urgency, but not its code or area', async (t) => {
  const given = categories([{ type: 'CategoryRegistered', data: roads }], { streamId: roads.id });
  t.same(allowedCommands(categoryWorkflow, given.before.snapshot), ['update']);
  const renamed = given.when({ type: 'update', data: { nameEn: 'Roads', defaultUrgency: 'normal', nameZh: '道路与排水' } });
  t.same(renamed.decision?.events, [{ type: 'CategoryUpdated', data: { id: roads.id, nameEn: 'Roads', defaultUrgency: 'normal' } }]);
  t.same(renamed.decision?.after.context.record, { ...roads, nameEn: 'Roads', defaultUrgency: 'normal' });
  t.same(issuesOf(given.when({ type: 'update', data: { code: 'water' } }).error), ['data']);
  t.same(issuesOf(given.when({ type: 'update', data: { areaCode: '520222' } }).error), ['data']);
  t.type(given.when({ type: 'register', data: roads }).error, IllegalTransitionError);
});
