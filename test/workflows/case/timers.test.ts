import t from 'tap';
import type { Actor } from '../../../contracts/actor.js';
import { defaultDeadlinePolicy } from '../../../contracts/deadline-policy.js';
import { caseTables } from '../../../workflows/case/index.js';
import { beforeAnswer } from '../../../workflows/case/table-moves.js';
import { deadlineKinds } from '../../../contracts/case/timers.js';
import { deadlineDeclarations, timerEvents, watchedStatuses } from '../../../workflows/case/timers.js';
import { shippedDeadlineRules } from '../../../workflows/case/deadline-rules.js';
import { ev, sampleCommandData, sampleEventData } from '../../support/case-fixtures.js';
import { accepted, after, caseSpec, refused, staff } from './fixtures/case-spec.js';

const huiyin: Actor = { id: 'huiyin', role: 'system', name: '回音' };
const { plan, replyDueBy } = sampleEventData.CaseReceived;
const received = [ev('CaseReceived')];
const assigned = [...received, ev('CaseAssigned')];
const at = (occurredAt: string) => ({ actor: huiyin, occurredAt, givenBy: staff, givenAt: '2026-06-12T02:00:00.000Z' });
const fire = (type: 'remind' | 'mark-overdue' | 'escalate-overdue', deadline: 'reply' | 'feedback' | 'escalation', dueBy: string) => ({ type, data: { deadline, dueBy } });
const AFTER_ALL = '2026-06-30T00:00:00.000Z';

t.test('case timers › a receipt plans every firing its policy sets, in the order they fire', async (t) => {
  const outcome = caseSpec[2]([], { actor: staff, occurredAt: '2026-03-02T02:00:00.000Z' }).when({ type: 'receive', data: { ...sampleCommandData.receive, urgency: 'emergency' } });
  const [event] = accepted(t, outcome, 'CaseReceived');
  t.match(event?.data, {
    replyDueBy: '2026-03-02T04:00:00.000Z',
    plan: {
      reply: { remindAt: '2026-03-02T03:30:00.000Z', escalateAt: '2026-03-05T10:00:00.000Z' },
      feedback: { dueBy: '2026-03-03T10:00:00.000Z', remindAt: '2026-03-03T02:00:00.000Z', escalateAt: '2026-03-06T10:00:00.000Z' },
      escalateTo: [],
      policy: { definedBy: null, revision: -1 },
    },
  });
  t.same(after(outcome).context.timers.map((x) => `${x.deadline} ${x.action} ${x.at}`), [
    'reply remind 2026-03-02T03:30:00.000Z',
    'reply overdue 2026-03-02T04:00:00.000Z',
    'feedback remind 2026-03-03T02:00:00.000Z',
    'feedback overdue 2026-03-03T10:00:00.000Z',
    'reply escalate 2026-03-05T10:00:00.000Z',
    'feedback escalate 2026-03-06T10:00:00.000Z',
  ]);
});

t.test('case timers › the plan names the policy that set it, and its accounts to escalate to', async (t) => {
  const policy = { ...defaultDeadlinePolicy, escalateTo: ['sup-county'] };
  const facts = { deadlines: { ...shippedDeadlineRules, policy, policyRef: { definedBy: '520221', revision: 4 } } };
  const [event] = accepted(t, caseSpec[2]([], { actor: staff, facts }).when({ type: 'receive', data: sampleCommandData.receive }), 'CaseReceived');
  t.match(event?.data, { plan: { escalateTo: ['sup-county'], policy: { definedBy: '520221', revision: 4 } } });
});

t.test('case timers › a reminder goes to the station’s staff while nobody is assigned, then to the deputies', async (t) => {
  const early = at('2026-06-12T21:00:00.000Z');
  const [toStaff] = accepted(t, caseSpec[2](received, early).when(fire('remind', 'reply', replyDueBy)), 'ReminderSent');
  t.same(toStaff?.data, { deadline: 'reply', dueBy: replyDueBy, to: { deputyIds: [], stationStaff: 'st-baichehe' } });
  const [toDeputies] = accepted(t, caseSpec[2](assigned, early).when(fire('remind', 'reply', replyDueBy)), 'ReminderSent');
  t.same(toDeputies?.data, { deadline: 'reply', dueBy: replyDueBy, to: { deputyIds: ['dep-li', 'dep-wen'], stationStaff: null } });
});

t.test('case timers › nothing fires before its time, and only Huiyin fires', async (t) => {
  refused(t, caseSpec[2](received, at('2026-06-12T19:59:00.000Z')).when(fire('remind', 'reply', replyDueBy)), 'COMMAND.INVALID', ['data.dueBy']);
  refused(t, caseSpec[2](received, { ...at(AFTER_ALL), actor: staff }).when(fire('mark-overdue', 'reply', replyDueBy)), 'AUTH.FORBIDDEN');
});

t.test('case timers › a deadline that passes unanswered is marked once; a second firing decides nothing', async (t) => {
  const outcome = caseSpec[2](assigned, at('2026-06-13T02:00:00.000Z')).when(fire('mark-overdue', 'reply', replyDueBy));
  accepted(t, outcome, 'CaseWentOverdue');
  t.equal(after(outcome).status, 'assigned', 'the mark does not move the case');
  t.notOk(after(outcome).context.timers.some((x) => x.deadline === 'reply' && x.action === 'overdue'));
  const again = caseSpec[2]([...assigned, ev('CaseWentOverdue')], at(AFTER_ALL)).when(fire('mark-overdue', 'reply', replyDueBy));
  accepted(t, again);
});

t.test('case timers › Huiyin escalates after the policy’s grace, saying which deadline and policy', async (t) => {
  const outcome = caseSpec[2](assigned, at(plan!.reply.escalateAt!)).when(fire('escalate-overdue', 'reply', replyDueBy));
  const [event] = accepted(t, outcome, 'CaseEscalated');
  t.match(event?.data, {
    dueBy: null,
    automatic: { deadline: 'reply', dueBy: replyDueBy, policy: { definedBy: null, revision: -1 }, supervisorIds: [] },
    to: /520221104201/,
  });
  t.equal(after(outcome).context.escalations.length, 1);
});

t.test('case timers › a reply answers the reply deadline; feedback answers them all; closing ends them', async (t) => {
  const acknowledged = [...assigned, ev('CaseAcknowledged')];
  accepted(t, caseSpec[2](acknowledged, at(AFTER_ALL)).when(fire('mark-overdue', 'reply', replyDueBy)));
  accepted(t, caseSpec[2](acknowledged, at(AFTER_ALL)).when(fire('mark-overdue', 'feedback', plan!.feedback.dueBy)), 'CaseWentOverdue');
  const resolved = [...acknowledged, ev('CaseResolved'), ev('FeedbackGiven')];
  t.same(caseSpec[2](resolved).before.context.timers, [], 'feedback leaves nothing pending');
  const withdrawn = [...assigned, ev('CaseWithdrawn')];
  t.same(caseSpec[2](withdrawn).before.context.timers, [], 'a withdrawn case waits for nothing');
});

t.test('case timers › a 督办 with a due date sets a deadline of its own; a new one replaces it', async (t) => {
  const escalated = [...assigned, ev('CaseEscalated')];
  const dueBy = sampleEventData.CaseEscalated.dueBy!;
  const [event] = accepted(t, caseSpec[2](escalated, at(dueBy)).when(fire('mark-overdue', 'escalation', dueBy)), 'CaseWentOverdue');
  t.equal(event?.type === 'CaseWentOverdue' && event.data.deadline, 'escalation');
  const again = [...escalated, ev('CaseEscalated', { ...sampleEventData.CaseEscalated, dueBy: '2026-06-25T01:00:00.000Z' })];
  t.same(caseSpec[2](again).before.context.timers.filter((x) => x.deadline === 'escalation').map((x) => x.dueBy), ['2026-06-25T01:00:00.000Z']);
});

t.test('case timers › a reopening plans afresh by the policy in force then', async (t) => {
  const closed = [...assigned, ev('CaseAcknowledged'), ev('CaseResolved'), ev('FeedbackGiven'), ev('CaseClosed')];
  const outcome = caseSpec[2](closed, { actor: staff, occurredAt: '2026-07-01T02:00:00.000Z' }).when({ type: 'reopen', data: { reason: 'Flooded again' } });
  const [event] = accepted(t, outcome, 'CaseReopened');
  t.equal(event?.type === 'CaseReopened' && event.data.plan?.feedback.dueBy, '2026-07-06T10:00:00.000Z', 'urgent: feedback in 3 working days from Wednesday (Thu, Fri, Mon)');
  t.same(after(outcome).context.timers.map((x) => x.deadline), ['reply', 'reply', 'feedback', 'feedback', 'reply', 'feedback']);
});

t.test('case timers › a v1 case has its reply deadline marked, and nothing else', async (t) => {
  const v1 = caseSpec[1]([], { actor: staff }).when({ type: 'receive', data: sampleCommandData.receive });
  t.same(after(v1).context.timers.map((x) => `${x.deadline} ${x.action}`), ['reply overdue']);
});

t.test('case timers › the declarations agree with the tables: wherever a deadline can be pending, its firings are taken', async (t) => {
  for (const [version, table] of caseTables) {
    for (const kind of deadlineKinds) {
      const watched = watchedStatuses(table, kind);
      t.ok(watched.length > 0, `v${version} ${kind} is pending somewhere`);
      for (const status of watched) {
        for (const action of deadlineDeclarations[kind].fires) {
          t.equal(table[status][timerEvents[action]], 'stay', `v${version}: ${kind} pending in ${status}, where ${timerEvents[action]} is taken`);
        }
      }
    }
    t.ok(watchedStatuses(table, 'reply').every((s) => beforeAnswer.has(s)), `v${version}: a reply deadline lives only before an answer`);
  }
  t.same(watchedStatuses(caseTables.get(2)!, 'escalation').filter((s) => !beforeAnswer.has(s)), ['answered', 'followed-up'], 'a 督办’s due date also after an answer, until the case is closed');
});

t.test('case timers › a 督办 on an answered case is marked when its due date passes; a reopening keeps it', async (t) => {
  const dueBy = sampleEventData.CaseEscalated.dueBy!;
  const answered = [...assigned, ev('CaseAcknowledged'), ev('CaseResolved'), ev('FeedbackGiven'), ev('CaseEscalated')];
  accepted(t, caseSpec[2](answered, at(dueBy)).when(fire('mark-overdue', 'escalation', dueBy)), 'CaseWentOverdue');
  const followedUp = [...answered, ev('FollowUpRecorded', { resolved: false, satisfaction: 'unsatisfied' })];
  const reopened = caseSpec[2](followedUp, { actor: staff, occurredAt: '2026-06-15T02:00:00.000Z' }).when({ type: 'reopen', data: { reason: 'Not fixed' } });
  t.same(after(reopened).context.timers.filter((x) => x.deadline === 'escalation').map((x) => x.dueBy), [dueBy], 'the 督办’s due date still stands');
  accepted(t, caseSpec[1](answered, at(dueBy)).when(fire('mark-overdue', 'escalation', dueBy)), 'CaseWentOverdue');
});

t.test('case timers › a reminder that comes due only after its deadline (Huiyin was down) is the overdue mark, and ends the reminder', async (t) => {
  const outcome = caseSpec[2](assigned, at('2026-06-13T05:00:00.000Z')).when(fire('remind', 'reply', replyDueBy));
  const [event] = accepted(t, outcome, 'CaseWentOverdue');
  t.same(event?.data, { deadline: 'reply', dueBy: replyDueBy, to: { deputyIds: ['dep-li', 'dep-wen'], stationStaff: null } });
  t.notOk(after(outcome).context.timers.some((x) => x.deadline === 'reply' && (x.action === 'remind' || x.action === 'overdue')), 'neither is pending any more');
  accepted(t, caseSpec[2]([...assigned, ev('CaseWentOverdue')], at('2026-06-13T05:00:00.000Z')).when(fire('mark-overdue', 'reply', replyDueBy)));
});
