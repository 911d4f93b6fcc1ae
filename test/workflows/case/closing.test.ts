import t from 'tap';
import { HuiyinError } from '../../../contracts/errors.js';
import { ev, historyFor, mergingCaseId, withMergedCase, withPendingMerge } from '../../support/case-fixtures.js';
import { specTime } from '../../support/workflow-spec.js';
import { accepted, after, caseSpec, refused, staff, supervisor } from './fixtures/case-spec.js';

const followedUp = (resolved: boolean, satisfaction: 'satisfied' | 'basically-satisfied' | 'unsatisfied') => [
  ...historyFor.answered,
  ev('FollowUpRecorded', { resolved, satisfaction, comment: 'Still floods' }),
];
const unresolved = followedUp(false, 'basically-satisfied');
const unsatisfied = followedUp(true, 'unsatisfied');
const close = (data: Record<string, unknown> = {}) => ({ type: 'close', data });
const reason = 'The county has budgeted a new culvert for next year; nothing more the station can do';

const poorFollowUps = [
  ['an unresolved follow-up', unresolved, { resolved: false, satisfaction: 'basically-satisfied' }],
  ['an unsatisfied citizen', unsatisfied, { resolved: true, satisfaction: 'unsatisfied' }],
] as const;

for (const [what, history, followUp] of poorFollowUps) {
  t.test(`case workflow v2 › when followed-up with ${what} › refuses staff closing it`, async (t) => {
    const outcome = caseSpec[2](history, { actor: staff }).when(close({ summary: 'Archived' }));
    refused(t, outcome, 'CASE.FOLLOW_UP_UNRESOLVED');
    t.same((outcome.error as HuiyinError).details, { followUp }, 'and says what the follow-up found');
  });

  t.test(`case workflow v2 › when followed-up with ${what} › refuses a supervisor closing it without a reason`, async (t) => {
    refused(t, caseSpec[2](history, { actor: supervisor }).when(close()), 'COMMAND.INVALID', ['data.reason']);
  });

  t.test(`case workflow v2 › when followed-up with ${what} › a supervisor closes it with a reason the history keeps`, async (t) => {
    const outcome = caseSpec[2](history, { actor: supervisor }).when(close({ summary: 'Closed by the supervisor', reason }));
    const [event] = accepted(t, outcome, 'CaseClosed');
    t.same(event?.data, { summary: 'Closed by the supervisor', overrideReason: reason });
    t.match(after(outcome).context.closed, { overrideReason: reason, by: supervisor, at: specTime });
    t.equal(after(outcome).status, 'closed');
  });

  t.test(`case workflow v2 › when followed-up with ${what} › staff may reopen it`, async (t) => {
    accepted(t, caseSpec[2](history, { actor: staff }).when({ type: 'reopen', data: { reason: 'Still floods' } }), 'CaseReopened');
  });
}

t.test('case workflow v2 › when followed-up with a good follow-up › staff close it, and a reason is refused as not needed', async (t) => {
  const spec = caseSpec[2](followedUp(true, 'basically-satisfied'), { actor: staff });
  const [event] = accepted(t, spec.when(close({ summary: 'Done' })), 'CaseClosed');
  t.same(event?.data, { summary: 'Done' }, 'no override is recorded');
  refused(t, spec.when(close({ reason })), 'COMMAND.INVALID', ['data.reason']);
  refused(t, caseSpec[2](followedUp(true, 'satisfied'), { actor: supervisor }).when(close({ reason })), 'COMMAND.INVALID', ['data.reason']);
});

t.test('case workflow v2 › when answered without a follow-up › closes without a reason, and refuses one', async (t) => {
  accepted(t, caseSpec[2](historyFor.answered, { actor: staff }).when(close()), 'CaseClosed');
  refused(t, caseSpec[2](historyFor.answered, { actor: supervisor }).when(close({ reason })), 'COMMAND.INVALID', ['data.reason']);
});

t.test('case workflow v2 › when reopened after a poor follow-up and answered again › the new round’s follow-up decides', async (t) => {
  const secondRound = [
    ...unresolved,
    ev('CaseReopened', { reason: 'Still floods', replyDueBy: '2026-06-14T01:00:00.000Z', plan: null }),
    ev('CaseResolved'),
    ev('FeedbackGiven'),
  ];
  accepted(t, caseSpec[2](secondRound, { actor: staff }).when(close()), 'CaseClosed');
  const poorAgain = [...secondRound, ev('FollowUpRecorded', { resolved: false, satisfaction: 'unsatisfied' })];
  refused(t, caseSpec[2](poorAgain, { actor: staff }).when(close()), 'CASE.FOLLOW_UP_UNRESOLVED');
});

t.test('case workflow v1 › when followed-up with an unresolved follow-up › staff may still close it', async (t) => {
  const outcome = caseSpec[1](unresolved, { actor: staff }).when(close({ summary: 'Archived' }));
  const [event] = accepted(t, outcome, 'CaseClosed');
  t.same(event?.data, { summary: 'Archived' });
});

t.test('case workflow v2 › when closed › reopening sets a new reply deadline from the reopening', async (t) => {
  const occurredAt = '2026-06-20T09:00:00+08:00';
  const outcome = caseSpec[2](historyFor.closed, { occurredAt }).when({ type: 'reopen', data: { reason: 'Flooded again' } });
  const [event] = accepted(t, outcome, 'CaseReopened');
  // The case is urgent: a reply is due a day after the reopening.
  t.match(event?.data, { reason: 'Flooded again', replyDueBy: '2026-06-21T01:00:00.000Z', plan: { policy: { definedBy: null } } });
  t.equal(after(outcome).context.replyDueBy, '2026-06-21T01:00:00.000Z');
  t.equal(after(outcome).status, 'in-progress');
});

t.test('case workflow v1 › when closed › reopening keeps the deadline it had', async (t) => {
  const outcome = caseSpec[1](historyFor.closed, { occurredAt: '2026-06-20T01:00:00.000Z' }).when({ type: 'reopen', data: { reason: 'Flooded again' } });
  const [event] = accepted(t, outcome, 'CaseReopened');
  t.same(event?.data, { reason: 'Flooded again', replyDueBy: null, plan: null });
  t.equal(after(outcome).context.replyDueBy, '2026-06-13T02:00:00.000Z', 'the deadline from receipt stands');
});

t.test('case workflow v1 › close › a reason is kept only where it overrode a poor follow-up', async (t) => {
  const good = [...historyFor.answered, ev('FollowUpRecorded', { resolved: true, satisfaction: 'satisfied' })];
  for (const [what, history] of [['a good follow-up', good], ['no follow-up', historyFor.answered]] as const) {
    const [event] = accepted(t, caseSpec[1](history, { actor: staff }).when(close({ summary: 'Done', reason })), 'CaseClosed');
    t.same(event?.data, { summary: 'Done' }, `after ${what} the reason is dropped, not refused as v2 does`);
  }
  const outcome = caseSpec[1](unsatisfied, { actor: staff }).when(close({ summary: 'Archived', reason }));
  const [event] = accepted(t, outcome, 'CaseClosed');
  t.same(event?.data, { summary: 'Archived', overrideReason: reason }, 'after a poor one it is kept, whoever closes');
  t.equal(after(outcome).context.closed?.overrideReason, reason);
});

t.test('case workflow v2 › when followed-up with a poor follow-up › only a supervisor overrides it: an admin is refused too', async (t) => {
  const admin = { id: 'admin-1', role: 'admin' as const, name: 'Zhao Lei' };
  refused(t, caseSpec[2](unresolved, { actor: admin }).when(close({ summary: 'Archived', reason })), 'CASE.FOLLOW_UP_UNRESOLVED');
});

for (const version of [1, 2] as const) {
  t.test(`case workflow v${version} › when a merge into it is under way › refuses to close it until the merge completes`, async (t) => {
    const outcome = caseSpec[version](withPendingMerge(historyFor['followed-up']), { actor: staff }).when(close({ summary: 'Done' }));
    refused(t, outcome, 'CASE.MERGE_IN_PROGRESS');
    t.same((outcome.error as HuiyinError).details, { pendingMerges: [mergingCaseId] });
    const confirmed = [...withPendingMerge(historyFor['followed-up']), ev('CaseMergeConfirmed', { caseId: mergingCaseId })];
    accepted(t, caseSpec[version](confirmed, { actor: staff }).when(close({ summary: 'Done' })), 'CaseClosed');
  });

  t.test(`case workflow v${version} › when other cases were merged into it › closes: it has answered for them`, async (t) => {
    accepted(t, caseSpec[version](withMergedCase(historyFor.answered), { actor: staff }).when(close()), 'CaseClosed');
  });
}

t.test('case workflow v2 › when a merge is under way and the follow-up was poor › the merge is named before the override', async (t) => {
  const outcome = caseSpec[2](withPendingMerge(unresolved), { actor: supervisor }).when(close({ summary: 'Closed', reason }));
  refused(t, outcome, 'CASE.MERGE_IN_PROGRESS');
});
