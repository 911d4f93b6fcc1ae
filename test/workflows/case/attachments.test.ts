import t from 'tap';
import { sharedRules } from '../../../workflows/case/decider.js';
import { ev, historyFor, mergedEarlierCaseId, mergingCaseId, withMergedCase, withPendingMerge } from '../../support/case-fixtures.js';
import { specTime } from '../../support/workflow-spec.js';
import { accepted, after, caseSpec, refused, staff } from './fixtures/case-spec.js';

// The target's side of a merge (并单): it records the attachment (pending),
// then its confirmation once the merged case recorded its merge, or takes
// the attachment back if that failed. The merged case's side: merging.test.ts.
const attach = (caseId: string) => ({ type: 'attach', data: { caseId } });
const confirm = (caseId: string) => ({ type: 'confirm-merge', data: { caseId } });
const detach = (caseId: string) => ({ type: 'detach', data: { caseId, reason: 'the merge of that case did not complete' } });

for (const version of [1, 2] as const) {
  const spec = caseSpec[version];
  const name = `case workflow v${version}`;

  t.test(`${name} › when in-progress › attach records a merge under way, not yet a merged case`, async (t) => {
    const outcome = spec(withMergedCase(historyFor['in-progress'])).when(attach('case-2'));
    const [event] = accepted(t, outcome, 'CaseAttached');
    t.same(event?.data, { caseId: 'case-2' });
    t.same(after(outcome).context.pendingMerges, ['case-2']);
    t.same(after(outcome).context.mergedCases, [mergedEarlierCaseId], 'merged only once confirmed');
    t.equal(after(outcome).status, 'in-progress');
  });

  t.test(`${name} › attach › refuses the case itself, a case whose merge is under way, and one already merged`, async (t) => {
    const given = spec(withPendingMerge(withMergedCase(historyFor.received)));
    for (const caseId of ['spec-1', mergingCaseId, mergedEarlierCaseId]) {
      refused(t, given.when(attach(caseId)), 'COMMAND.INVALID', ['data.caseId']);
    }
  });

  for (const status of ['withdrawn', 'merged'] as const) {
    t.test(`${name} › when ${status} › refuses to take a merged case in, by its status`, async (t) => {
      refused(t, spec(historyFor[status]).when(attach('case-2')), 'WORKFLOW.ILLEGAL_TRANSITION');
    });
  }

  t.test(`${name} › confirm-merge › moves the case from under way to merged`, async (t) => {
    const outcome = spec(withMergedCase(withPendingMerge(historyFor.assigned))).when(confirm(mergingCaseId));
    const [event] = accepted(t, outcome, 'CaseMergeConfirmed');
    t.same(event?.data, { caseId: mergingCaseId });
    t.same(after(outcome).context.pendingMerges, []);
    t.same(after(outcome).context.mergedCases, [mergedEarlierCaseId, mergingCaseId]);
    t.equal(after(outcome).status, 'assigned');
  });

  t.test(`${name} › confirm-merge › refuses a case whose merge is not under way`, async (t) => {
    const takenBack = [...withPendingMerge(historyFor.assigned), ev('CaseDetached', { caseId: mergingCaseId, reason: 'failed' })];
    refused(t, spec(historyFor.assigned).when(confirm('case-2')), 'COMMAND.INVALID', ['data.caseId']);
    refused(t, spec(withMergedCase(historyFor.assigned)).when(confirm(mergedEarlierCaseId)), 'COMMAND.INVALID', ['data.caseId']);
    refused(t, spec(takenBack).when(confirm(mergingCaseId)), 'COMMAND.INVALID', ['data.caseId']);
  });

  t.test(`${name} › detach › takes back a merge under way, or one done`, async (t) => {
    const given = spec(withPendingMerge(withMergedCase(historyFor.assigned)));
    const pending = given.when(detach(mergingCaseId));
    accepted(t, pending, 'CaseDetached');
    t.same([after(pending).context.pendingMerges, after(pending).context.mergedCases], [[], [mergedEarlierCaseId]]);
    const done = given.when(detach(mergedEarlierCaseId));
    accepted(t, done, 'CaseDetached');
    t.same([after(done).context.pendingMerges, after(done).context.mergedCases], [[mergingCaseId], []]);
  });

  t.test(`${name} › detach › refuses a case that is not attached`, async (t) => {
    refused(t, spec(withMergedCase(historyFor.received)).when(detach('case-2')), 'COMMAND.INVALID', ['data.caseId']);
  });

  // Never refused by the status: a merge's last step or its compensation must land whatever the case became
  // (a v1 case takes merges once closed; streams written before today's rules hold ended cases with attachments).
  for (const status of ['closed', 'withdrawn', 'merged'] as const) {
    t.test(`${name} › when ${status} › still confirms or takes back an attachment, and stays ${status}`, async (t) => {
      const given = spec(withPendingMerge(withMergedCase(historyFor[status])));
      const confirmed = given.when(confirm(mergingCaseId));
      accepted(t, confirmed, 'CaseMergeConfirmed');
      t.equal(after(confirmed).status, status);
      const detached = given.when(detach(mergedEarlierCaseId));
      accepted(t, detached, 'CaseDetached');
      t.equal(after(detached).status, status);
    });
  }
}

for (const status of ['answered', 'followed-up', 'closed'] as const) {
  t.test(`case workflow v2 › when ${status} › refuses to take a merged case in: only an open case can`, async (t) => {
    refused(t, caseSpec[2](historyFor[status]).when(attach('case-2')), 'WORKFLOW.ILLEGAL_TRANSITION');
  });
  t.test(`case workflow v1 › when ${status} › still takes a merged case in`, async (t) => {
    accepted(t, caseSpec[1](historyFor[status]).when(attach('case-2')), 'CaseAttached');
  });
}

t.test('case workflow › attach › the rule refuses a target that was itself merged, behind the status that already does', async (t) => {
  // No history reaches it through the machine (a merged case takes no attachment), so the rule is asked directly.
  const before = caseSpec[2](historyFor.received).before;
  const mergedAway = { ...before, context: { ...before.context, mergedInto: 'elsewhere' } };
  const context = { streamId: 'spec-1', commandId: 'c-1', occurredAt: specTime, actor: staff };
  t.throws(() => sharedRules.attach!({ type: 'attach', data: { caseId: 'case-2' } }, mergedAway, context), { code: 'COMMAND.INVALID' });
  t.doesNotThrow(() => sharedRules.attach!({ type: 'attach', data: { caseId: 'case-2' } }, before, context), 'the same case not merged takes it');
});
