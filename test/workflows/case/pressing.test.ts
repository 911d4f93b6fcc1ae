import t from 'tap';
import { HuiyinError } from '../../../contracts/errors.js';
import type { CaseContext } from '../../../workflows/case/context.js';
import { caseWorkflowV2 } from '../../../workflows/case/index.js';
import { historyFor } from '../../support/case-fixtures.js';
import { specTime, workflowSpec } from '../../support/workflow-spec.js';

const spec = workflowSpec(caseWorkflowV2);
const citizen = { id: 'online-station', role: 'citizen' } as const;
const staff = { id: 'staff-1', role: 'staff' } as const;
const pressed = { type: 'CasePressed', data: {} };
const press = { type: 'press', data: { comment: 'Still flooding' } };
const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();

t.test('pressing (催办) › given an assigned matter, when the citizen presses it, then it is recorded and is not work done on it', async (t) => {
  const given = spec(historyFor.assigned, { actor: citizen, givenBy: staff });
  const { decision, error } = given.when(press);
  t.equal(error, undefined);
  t.same(decision?.events, [{ type: 'CasePressed', data: { comment: 'Still flooding' } }]);
  const after = decision!.after.context as CaseContext;
  t.equal(after.presses.length, 1);
  t.equal(after.presses[0]?.comment, 'Still flooding');
  t.equal(after.lastActivityAt, (given.before.context as CaseContext).lastActivityAt, 'the last activity stays the staff’s');
});

t.test('pressing › once a day, in China time', async (t) => {
  // specTime is 09:00 in China; a press at 23:30 the evening before (China) was the day before.
  const now = Date.parse(specTime);
  const lastEvening = at(now - 9.5 * HOUR);
  const earlierToday = at(now - 8 * HOUR);
  const yesterday = spec([...historyFor.assigned, { ...pressed, occurredAt: lastEvening, actor: citizen }], { actor: citizen, givenBy: staff });
  t.equal(yesterday.when(press).error, undefined, 'pressed yesterday evening: may press again this morning');
  const today = spec([...historyFor.assigned, { ...pressed, occurredAt: earlierToday, actor: citizen }], { actor: citizen, givenBy: staff });
  const { error } = today.when(press);
  t.type(error, HuiyinError);
  t.equal((error as HuiyinError).code, 'CASE.ALREADY_PRESSED', 'pressed at 01:00 China time today: refused until tomorrow');
});

t.test('pressing › only the citizen presses; staff and supervisors have their own ways (notes, 督办)', async (t) => {
  for (const actor of [staff, { id: 'sup-1', role: 'supervisor' } as const, { id: 'huiyin', role: 'system' } as const]) {
    const { error } = spec(historyFor.assigned, { actor }).when(press);
    t.equal((error as HuiyinError).code, 'AUTH.FORBIDDEN', `${actor.role} may not press`);
  }
});

t.test('pressing › an answered matter cannot be pressed', async (t) => {
  const { error } = spec(historyFor.answered, { actor: citizen, givenBy: staff }).when(press);
  t.equal((error as HuiyinError).code, 'WORKFLOW.ILLEGAL_TRANSITION');
});
