import t from 'tap';
import { deadlinePolicyInput, defaultDeadlinePolicy } from '../../../contracts/deadline-policy.js';
import { caseDeadlines } from '../../../workflows/time/deadlines.js';
import { officialCalendars } from '../../../workflows/time/official-calendars.js';
import { WorkingCalendar } from '../../../workflows/time/working-days.js';

const calendar = new WorkingCalendar(officialCalendars);

t.test('case deadlines › the default tiers', async (t) => {
  const from = '2026-03-02T02:00:00.000Z'; // Monday 10:00 in China
  t.same(caseDeadlines(defaultDeadlinePolicy, calendar, 'emergency', from), {
    replyDueBy: '2026-03-02T04:00:00.000Z',
    feedbackDueBy: '2026-03-03T10:00:00.000Z',
    remindReplyAt: '2026-03-02T03:30:00.000Z',
    remindFeedbackAt: '2026-03-03T02:00:00.000Z',
    escalateReplyAt: '2026-03-05T10:00:00.000Z',
    escalateFeedbackAt: '2026-03-06T10:00:00.000Z',
  }, 'two clock hours to reply, reminded at 75% of them; feedback by the end of the next working day; escalated three working days after each');
  t.equal(caseDeadlines(defaultDeadlinePolicy, calendar, 'urgent', from).replyDueBy, '2026-03-03T02:00:00.000Z', '24 clock hours');
  t.equal(caseDeadlines(defaultDeadlinePolicy, calendar, 'normal', from).replyDueBy, '2026-03-11T10:00:00.000Z', '7 working days, at 18:00 China time');
  t.equal(caseDeadlines(defaultDeadlinePolicy, calendar, 'complex', from).replyDueBy, '2026-03-23T10:00:00.000Z', '15 working days');
});

t.test('case deadlines › feedback is never due before the first reply', async (t) => {
  // A policy that allows longer for the first reply (20 working days) than for feedback (15).
  const policy = { ...defaultDeadlinePolicy, reply: { ...defaultDeadlinePolicy.reply, normal: { amount: 20, unit: 'working-days' as const } } };
  const due = caseDeadlines(policy, calendar, 'normal', '2026-03-02T02:00:00.000Z');
  t.equal(due.replyDueBy, '2026-03-30T10:00:00.000Z');
  t.equal(due.feedbackDueBy, due.replyDueBy, 'feedback is due with the reply, not before it');
});

t.test('case deadlines › a policy is checked naming every bad field', async (t) => {
  const bad = deadlinePolicyInput.safeParse({
    ...defaultDeadlinePolicy,
    reply: { ...defaultDeadlinePolicy.reply, normal: { amount: 2.5, unit: 'working-days' } },
    remindAt: 1.2,
    workdayEndsAt: '00:00',
    escalateTo: ['a', 'a'],
  });
  t.notOk(bad.success);
  t.same(bad.error!.issues.map((i) => i.path.join('.')).sort(), ['escalateTo', 'remindAt', 'reply.normal.amount', 'workdayEndsAt']);
  t.ok(deadlinePolicyInput.safeParse(defaultDeadlinePolicy).success, 'the default is a valid policy');
});
