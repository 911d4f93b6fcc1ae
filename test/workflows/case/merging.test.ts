import t from 'tap';
import type { HuiyinError } from '../../../contracts/errors.js';
import { allowedCommands } from '../../../workflows/engine/fold.js';
import { ev, historyFor, mergedEarlierCaseId, mergingCaseId, withMergedCase, withPendingMerge } from '../../support/case-fixtures.js';
import { accepted, after, caseSpec, refused, staff } from './fixtures/case-spec.js';

// The merged case's side of a merge (并单). The target's side: attachments.test.ts.
const merge = (intoCaseId: string) => ({ type: 'merge', data: { intoCaseId } });
const withdraw = { type: 'withdraw', data: { reason: 'Sorted it out with the neighbour' } };
const relay = { type: 'relay-feedback', data: { fromCaseId: 'target-case', method: 'sms', summary: 'The pipe was replaced' } };

t.test('case workflow v2 › when received › merging records the target', async (t) => {
  const outcome = caseSpec[2](historyFor.received, { actor: staff }).when(merge('target-case'));
  const [event] = accepted(t, outcome, 'CaseMerged');
  t.same(event?.data, { intoCaseId: 'target-case' });
  t.equal(after(outcome).context.mergedInto, 'target-case');
  t.equal(after(outcome).status, 'merged');
});

for (const version of [1, 2] as const) {
  const spec = caseSpec[version];
  const name = `case workflow v${version}`;

  t.test(`${name} › merge › refuses to merge a case into itself`, async (t) => {
    refused(t, spec(historyFor.received).when(merge('spec-1')), 'COMMAND.INVALID', ['data.intoCaseId']);
  });

  // Of two cases merged together one must stay live: a case that answers for another is never merged or withdrawn itself.
  t.test(`${name} › when a merge into it is under way › refuses to merge or withdraw it, and says which`, async (t) => {
    const given = spec(withPendingMerge(historyFor.assigned));
    for (const command of [merge('target-case'), withdraw]) {
      const outcome = given.when(command);
      refused(t, outcome, 'CASE.MERGE_IN_PROGRESS');
      t.same((outcome.error as HuiyinError).details, { pendingMerges: [mergingCaseId] }, `${command.type} names the pending merge`);
    }
  });

  t.test(`${name} › when other cases were merged into it › refuses to merge or withdraw it, and says which`, async (t) => {
    const given = spec(withMergedCase(historyFor.assigned));
    for (const command of [merge('target-case'), withdraw]) {
      const outcome = given.when(command);
      refused(t, outcome, 'CASE.HAS_MERGED_CASES');
      t.same((outcome.error as HuiyinError).details, { mergedCases: [mergedEarlierCaseId] }, `${command.type} names the merged cases`);
    }
  });

  t.test(`${name} › when a merge is under way and another one done › the one under way is named first`, async (t) => {
    refused(t, spec(withPendingMerge(withMergedCase(historyFor.received))).when(withdraw), 'CASE.MERGE_IN_PROGRESS');
  });

  t.test(`${name} › when every attachment was taken back › may be merged or withdrawn again`, async (t) => {
    const detached = (caseId: string) => ev('CaseDetached', { caseId, reason: 'the merge did not complete' });
    const histories = {
      'a pending merge': [...withPendingMerge(historyFor.assigned), detached(mergingCaseId)],
      'a completed merge': [...withMergedCase(historyFor.assigned), detached(mergedEarlierCaseId)],
    };
    for (const [what, history] of Object.entries(histories)) {
      const given = spec(history);
      t.same([given.before.context.pendingMerges, given.before.context.mergedCases], [[], []], `${what} taken back`);
      accepted(t, given.when(merge('target-case')), 'CaseMerged');
      accepted(t, given.when(withdraw), 'CaseWithdrawn');
    }
  });

  t.test(`${name} › when merged › offers nothing and refuses a second merge by its status`, async (t) => {
    const given = spec(historyFor.merged);
    t.same(allowedCommands(given.before.definition, given.before.snapshot), [], 'a person is offered nothing on a merged case');
    refused(t, given.when(merge('another-case')), 'WORKFLOW.ILLEGAL_TRANSITION');
    refused(t, given.when(withdraw), 'WORKFLOW.ILLEGAL_TRANSITION');
  });
}

t.test('case workflow v2 › when merged › the target’s feedback is recorded for its constituent, each time', async (t) => {
  const given = caseSpec[2]([...historyFor.merged, ev('FeedbackRelayed')]);
  const outcome = given.when(relay);
  const [event] = accepted(t, outcome, 'FeedbackRelayed');
  t.same(event?.data, relay.data);
  t.equal(after(outcome).status, 'merged');
  t.same(after(outcome).context.relayedFeedback.map((f) => f.summary), ['The roads office replaced the pipe', 'The pipe was replaced']);
});

t.test('case workflow v2 › when received › refuses relayed feedback: only a merged case takes it', async (t) => {
  refused(t, caseSpec[2](historyFor.received).when(relay), 'WORKFLOW.ILLEGAL_TRANSITION');
});

t.test('case workflow v1 › when merged › refuses relayed feedback: a v1 merge is final', async (t) => {
  refused(t, caseSpec[1](historyFor.merged).when(relay), 'WORKFLOW.ILLEGAL_TRANSITION');
});
