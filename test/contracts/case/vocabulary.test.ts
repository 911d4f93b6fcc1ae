import t from 'tap';
import type { AnyMachineSnapshot } from 'xstate';
import { caseEventTypes, type CaseEventType } from '../../../contracts/case/events.js';
import { caseStatuses, isCaseStatus, statusGroupOf, statusGroups, type CaseStatus } from '../../../contracts/case/vocabulary.js';
import { caseWorkflowV1, caseWorkflowV2 } from '../../../workflows/case/index.js';
import { historyFor } from '../../support/case-fixtures.js';
import { workflowSpec } from '../../support/workflow-spec.js';

const machineStatuses = (definition: typeof caseWorkflowV1) =>
  Object.keys(definition.machine.config.states ?? {}).filter((state) => state !== 'new').sort();

for (const definition of [caseWorkflowV1, caseWorkflowV2]) {
  t.test(`case vocabulary › the statuses are exactly case workflow v${definition.version}’s states`, async (t) => {
    t.same([...caseStatuses].sort(), machineStatuses(definition));
    t.ok(definition.machine.config.states?.new, 'plus `new`, before a case exists');
    t.notOk(isCaseStatus('new'), '…which is no public status');
  });
}

t.test('case vocabulary › every status has one group, and every group is used', async (t) => {
  t.same(Object.keys(statusGroupOf).sort(), [...caseStatuses].sort());
  t.same([...new Set(Object.values(statusGroupOf))].sort(), [...statusGroups].sort());
  t.ok(caseStatuses.every(isCaseStatus));
  t.notOk(isCaseStatus('toString'), 'inherited names are no statuses');
});

/**
 * The groups follow the events, not a second opinion: answering a case
 * moves it out of `open`, closing, withdrawing or merging it into `closed`,
 * reopening it back to `open`. Checked in each version over every status
 * the fixtures reach.
 */
const groupAfter: Partial<Record<CaseEventType, string>> = {
  FeedbackGiven: 'answered',
  FollowUpRecorded: 'answered',
  CaseClosed: 'closed',
  CaseWithdrawn: 'closed',
  CaseMerged: 'closed',
  CaseReopened: 'open',
};

for (const definition of [caseWorkflowV1, caseWorkflowV2]) {
  t.test(`case vocabulary › in v${definition.version} the group after an event is the group it stands for`, async (t) => {
    const spec = workflowSpec(definition);
    let checked = 0;
    for (const status of caseStatuses) {
      const snapshot: AnyMachineSnapshot = spec(historyFor[status]).before.snapshot;
      for (const type of caseEventTypes) {
        const event = { type, data: {}, occurredAt: '2026-06-13T01:00:00.000Z', actor: { id: 'a', role: 'admin' as const } };
        if (!snapshot.can(event)) continue;
        const next = definition.machine.getTransitionData(snapshot, event)[0]?.target?.[0]?.key ?? status;
        const expected = groupAfter[type] ?? statusGroupOf[status];
        t.equal(statusGroupOf[next as CaseStatus], expected, `${status} --${type}--> ${next}`);
        checked++;
      }
    }
    t.ok(checked > 50, `${checked} transitions checked`);
  });
}
