import t from 'tap';
import { defaultDeadlinePolicy } from '../../../contracts/deadline-policy.js';
import { replyDueBy } from '../../../workflows/case/index.js';
import { officialCalendars } from '../../../workflows/time/official-calendars.js';
import { WorkingCalendar } from '../../../workflows/time/working-days.js';
import { sampleCommandData } from '../../support/case-fixtures.js';
import { specTime } from '../../support/workflow-spec.js';
import { accepted, after, caseSpec, refused, shift, staff } from './fixtures/case-spec.js';

const now = specTime;
const receive = (extra: Record<string, unknown>) => ({ type: 'receive', data: { ...sampleCommandData.receive, ...extra } });

t.test('case workflow v2 › receive › records when the visit happened and who received it; the deadline counts from the visit', async (t) => {
  const outcome = caseSpec[2]([], { actor: staff }).when(
    receive({ receivedAt: '2026-06-10T16:30:00+08:00', urgency: 'normal', receptionDeputyIds: ['dep-li', 'dep-wen'] }),
  );
  const [event] = accepted(t, outcome, 'CaseReceived');
  t.match(event?.data, {
    receivedAt: '2026-06-10T08:30:00.000Z',
    receptionDeputyIds: ['dep-li', 'dep-wen'],
    category: 'roads',
    categoryName: '道路与排水',
    constituent: { address: 'Fana group 4' },
    // Seven working days from Wednesday 10 June, the Dragon Boat holiday
    // (19–21 June) skipped: Monday 22 June, 18:00 China time.
    replyDueBy: '2026-06-22T10:00:00.000Z',
  });
  const received = after(outcome).context.received;
  t.equal(received?.at, now, 'when it was entered stays the command’s time');
  t.equal(after(outcome).context.replyDueBy, '2026-06-22T10:00:00.000Z');
});

t.test('case workflow v2 › receive › the deadline follows the policy and calendar the service hands in', async (t) => {
  const policy = { ...defaultDeadlinePolicy, reply: { ...defaultDeadlinePolicy.reply, normal: { amount: 2, unit: 'working-days' as const } }, workdayEndsAt: '17:00' };
  // An area that also takes Thursday 11 June off.
  const calendar = new WorkingCalendar([{ ...officialCalendars[0]!, holidays: [...officialCalendars[0]!.holidays, '2026-06-11'] }]);
  const outcome = caseSpec[2]([], { actor: staff, facts: { deadlines: { policy, calendar } } }).when(
    receive({ receivedAt: '2026-06-10T16:30:00+08:00', urgency: 'normal' }),
  );
  const [event] = accepted(t, outcome, 'CaseReceived');
  t.match(event?.data, { replyDueBy: '2026-06-15T09:00:00.000Z' }, 'Friday 12 and Monday 15 June, 17:00 China time');
  const v1 = caseSpec[1]([], { actor: staff, occurredAt: '2026-06-10T16:30:00+08:00', facts: { deadlines: { policy, calendar } } }).when(receive({ urgency: 'normal' }));
  t.match(accepted(t, v1, 'CaseReceived')[0]?.data, { replyDueBy: '2026-06-17T08:30:00.000Z' }, 'v1 keeps its fixed seven days');
});

t.test('case workflow v2 › receive › without a visit time the visit is when the case is entered, stored in UTC', async (t) => {
  const outcome = caseSpec[2]([], { occurredAt: '2026-06-13T09:00:00.000+08:00' }).when(receive({ receptionDeputyIds: undefined }));
  const [event] = accepted(t, outcome, 'CaseReceived');
  t.match(event?.data, { receivedAt: '2026-06-13T01:00:00.000Z', receptionDeputyIds: [], replyDueBy: '2026-06-14T01:00:00.000Z' });
});

t.test('case workflow v2 › receive › takes a visit exactly 30 days back', async (t) => {
  const receivedAt = shift(now, { days: -30 });
  const [event] = accepted(t, caseSpec[2]([]).when(receive({ receivedAt })), 'CaseReceived');
  t.equal((event?.data as { receivedAt: string }).receivedAt, receivedAt);
});

t.test('case workflow v2 › receive › refuses a visit more than 30 days back', async (t) => {
  refused(t, caseSpec[2]([]).when(receive({ receivedAt: shift(now, { days: -30, ms: -1 }) })), 'COMMAND.INVALID', ['data.receivedAt']);
});

t.test('case workflow v2 › receive › allows a client clock five minutes ahead, and no more', async (t) => {
  accepted(t, caseSpec[2]([]).when(receive({ receivedAt: shift(now, { minutes: 5 }) })), 'CaseReceived');
  refused(t, caseSpec[2]([]).when(receive({ receivedAt: shift(now, { minutes: 5, ms: 1 }) })), 'COMMAND.INVALID', ['data.receivedAt']);
  refused(t, caseSpec[2]([]).when(receive({ receivedAt: '2026-07-01T00:00:00Z' })), 'COMMAND.INVALID', ['data.receivedAt']);
});

t.test('case workflow v2 › receive › refuses a category that is not a code from the list, and needs its name', async (t) => {
  refused(t, caseSpec[2]([]).when(receive({ category: 'Roads and drains' })), 'COMMAND.INVALID', ['data.category']);
  const { categoryName: _left, ...withoutName } = sampleCommandData.receive;
  refused(t, caseSpec[2]([]).when({ type: 'receive', data: withoutName }), 'COMMAND.INVALID', ['data.categoryName']);
});

t.test('case workflow v2 › receive › refuses a deputy listed twice among those who received the visitor', async (t) => {
  refused(t, caseSpec[2]([]).when(receive({ receptionDeputyIds: ['dep-li', 'dep-li'] })), 'COMMAND.INVALID', ['data.receptionDeputyIds']);
});

t.test('case workflow v1 › receive › counts the deadline from when the case was entered, and takes any visit time', async (t) => {
  const receivedAt = shift(now, { days: -40 });
  const outcome = caseSpec[1]([]).when(receive({ receivedAt, urgency: 'normal' }));
  const [event] = accepted(t, outcome, 'CaseReceived');
  t.match(event?.data, { receivedAt, replyDueBy: replyDueBy(now, 'normal') });
  t.equal(replyDueBy(now, 'normal'), '2026-06-20T01:00:00.000Z');
});

t.test('case workflow › receive › deadlines by urgency: two hours, a day, a week, fifteen days', async (t) => {
  const from = '2026-06-13T09:00:00.000Z';
  t.same(
    (['emergency', 'urgent', 'normal', 'complex'] as const).map((urgency) => replyDueBy(from, urgency)),
    ['2026-06-13T11:00:00.000Z', '2026-06-14T09:00:00.000Z', '2026-06-20T09:00:00.000Z', '2026-06-28T09:00:00.000Z'],
  );
});
