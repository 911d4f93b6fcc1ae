import t from 'tap';
import { CommandInvalidError, IllegalTransitionError } from '../../../contracts/errors.js';
import { visitWorkflow } from '../../../workflows/visit/index.js';
import { specTime, workflowSpec } from '../../support/workflow-spec.js';

const spec = workflowSpec(visitWorkflow);
const DAY = 86_400_000;
const daysBefore = (days: number) => new Date(Date.parse(specTime) - days * DAY).toISOString();
const registered = (receivedAt = daysBefore(1)) => ({
  visitId: 'spec-1', stationId: 'st-baichehe', areaCode: '520221104201', channel: 'reception-day' as const, receivedAt,
  deputyIds: ['dep-li'], visitor: { name: 'Hu Zhongmin' },
  matters: [{ summary: 'Blocked culvert', category: 'roads', caseId: 'case-1' }, { summary: 'Bus times', category: 'roads', answer: 'Explained' }],
});
const rate = { type: 'record-satisfaction', data: { visitId: 'spec-1', satisfaction: 'basically-satisfied' } };

t.test('visit › given nothing, when the form is registered, then the visit is recorded as sent', async (t) => {
  const { decision, error } = spec([]).when({ type: 'register', data: registered() });
  t.equal(error, undefined);
  t.same(decision?.events, [{ type: 'VisitRegistered', data: registered() }]);
  t.equal(decision?.after.status, 'registered');
});

t.test('visit › the visit happened at most 30 days ago and not in the future', async (t) => {
  for (const [when, ok] of [[daysBefore(29), true], [daysBefore(31), false], [daysBefore(-1), false]] as const) {
    const { error } = spec([]).when({ type: 'register', data: registered(when) });
    if (ok) t.equal(error, undefined, `${when} is taken`);
    else t.type(error, CommandInvalidError, `${when} is refused`);
  }
});

t.test('visit › a visit is registered once; satisfaction is recorded once, after it', async (t) => {
  const given = spec([{ type: 'VisitRegistered', data: registered() }]);
  t.type(given.when({ type: 'register', data: registered() }).error, IllegalTransitionError);
  const { decision } = given.when(rate);
  t.equal(decision?.after.status, 'rated');
  t.equal((decision?.after.context as { satisfaction: { satisfaction: string } }).satisfaction.satisfaction, 'basically-satisfied');
  const rated = spec([{ type: 'VisitRegistered', data: registered() }, { type: 'VisitSatisfactionRecorded', data: rate.data }]);
  t.type(rated.when(rate).error, IllegalTransitionError);
  t.type(spec([]).when(rate).error, IllegalTransitionError, 'nothing to rate before the visit');
});
