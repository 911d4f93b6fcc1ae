import t from 'tap';
import { historyFor } from '../../support/case-fixtures.js';
import { specTime } from '../../support/workflow-spec.js';
import { accepted, after, caseSpec, deputy, refused, shift } from './fixtures/case-spec.js';

const now = specTime;
const schedule = (at: string) => ({ type: 'schedule-site-check', data: { at } });
const complete = (data: Record<string, unknown>) => ({ type: 'complete-site-check', data: { findings: 'Culvert cleared', ...data } });
const everyone = { deputyIds: ['dep-li'], staff: ['Wang Fang'] };

t.test('case workflow v2 › when acknowledged › schedules a site check up to a day back, stored in UTC', async (t) => {
  const at = shift(now, { days: -1 });
  const outcome = caseSpec[2](historyFor.acknowledged).when(schedule(at.replace('Z', '+00:00')));
  const [event] = accepted(t, outcome, 'SiteCheckScheduled');
  t.same(event?.data, { at });
  t.equal(after(outcome).status, 'site-check');
  const [later] = accepted(t, caseSpec[2](historyFor.acknowledged).when(schedule('2026-06-14T08:00:00+08:00')), 'SiteCheckScheduled');
  t.same(later?.data, { at: '2026-06-14T00:00:00.000Z' }, 'an offset time is kept as the same instant in UTC');
});

t.test('case workflow v2 › when acknowledged › refuses a site check dated more than a day in the past', async (t) => {
  refused(t, caseSpec[2](historyFor.acknowledged).when(schedule(shift(now, { days: -1, ms: -1 }))), 'COMMAND.INVALID', ['data.at']);
});

t.test('case workflow v2 › when site-check › rescheduling is held to the same bound', async (t) => {
  refused(t, caseSpec[2](historyFor['site-check']).when(schedule(shift(now, { days: -3 }))), 'COMMAND.INVALID', ['data.at']);
  accepted(t, caseSpec[2](historyFor['site-check']).when(schedule(shift(now, { days: 2 }))), 'SiteCheckScheduled');
});

t.test('case workflow v2 › when site-check › completes with everyone who went and when it happened', async (t) => {
  const checkedAt = shift(now, { minutes: -90 });
  const outcome = caseSpec[2](historyFor['site-check'], { actor: deputy }).when(complete({ checkedAt, participants: everyone }));
  const [event] = accepted(t, outcome, 'SiteCheckCompleted');
  t.same(event?.data, { findings: 'Culvert cleared', checkedAt, participants: everyone });
  t.match(after(outcome).context.siteCheck?.completed, { checkedAt, participants: everyone, at: now, by: deputy });
  t.equal(after(outcome).status, 'in-progress');
});

t.test('case workflow v2 › when site-check › a completion without a time happened now', async (t) => {
  const outcome = caseSpec[2](historyFor['site-check'], { occurredAt: '2026-06-14T10:00:00+08:00' }).when(complete({ participants: { staff: ['Wang Fang'] } }));
  const [event] = accepted(t, outcome, 'SiteCheckCompleted');
  t.same(event?.data, { findings: 'Culvert cleared', checkedAt: '2026-06-14T02:00:00.000Z', participants: { deputyIds: [], staff: ['Wang Fang'] } });
});

t.test('case workflow v2 › when site-check › refuses a completion that names no participant', async (t) => {
  refused(t, caseSpec[2](historyFor['site-check']).when(complete({ participants: { deputyIds: [], staff: [] } })), 'COMMAND.INVALID', ['data.participants']);
  refused(t, caseSpec[2](historyFor['site-check']).when(complete({})), 'COMMAND.INVALID', ['data.participants']);
});

t.test('case workflow v2 › when site-check › refuses a completion dated more than a day back or in the future', async (t) => {
  const spec = caseSpec[2](historyFor['site-check']);
  accepted(t, spec.when(complete({ participants: everyone, checkedAt: shift(now, { days: -1 }) })), 'SiteCheckCompleted');
  refused(t, spec.when(complete({ participants: everyone, checkedAt: shift(now, { days: -1, ms: -1 }) })), 'COMMAND.INVALID', ['data.checkedAt']);
  accepted(t, spec.when(complete({ participants: everyone, checkedAt: shift(now, { minutes: 5 }) })), 'SiteCheckCompleted');
  refused(t, spec.when(complete({ participants: everyone, checkedAt: shift(now, { minutes: 6 }) })), 'COMMAND.INVALID', ['data.checkedAt']);
});

t.test('case workflow v2 › when site-check › names every problem of a completion at once', async (t) => {
  const outcome = caseSpec[2](historyFor['site-check']).when(complete({ participants: { deputyIds: [], staff: [] }, checkedAt: shift(now, { days: -5 }) }));
  refused(t, outcome, 'COMMAND.INVALID', ['data.participants', 'data.checkedAt']);
});

t.test('case workflow v1 › when site-check › takes a completion without participants, dated a week back', async (t) => {
  // A case opened under v1 finishes under v1: its site check needs neither.
  const checkedAt = shift(now, { days: -7 });
  const outcome = caseSpec[1](historyFor['site-check']).when(complete({ participants: {}, checkedAt }));
  const [event] = accepted(t, outcome, 'SiteCheckCompleted');
  t.same(event?.data, { findings: 'Culvert cleared', checkedAt, participants: { deputyIds: [], staff: [] } });
  accepted(t, caseSpec[1](historyFor.acknowledged).when(schedule(shift(now, { days: -7 }))), 'SiteCheckScheduled');
});
