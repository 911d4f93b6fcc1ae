import t from 'tap';
import type { CaseCommandType } from '../../../contracts/case/commands.js';
import { IllegalTransitionError, type ErrorCode } from '../../../contracts/errors.js';
import { historyFor, sampleCommandData, withPendingMerge } from '../../support/case-fixtures.js';
import { specTime } from '../../support/workflow-spec.js';
import { caseSpec, refused, shift, supervisor } from './fixtures/case-spec.js';
import { tables, type Status } from './fixtures/transition-tables.js';

// The status is asked before any rule on the data: a command the case cannot
// take now is a conflict (409), whatever its data says; only a command the
// status takes is judged on its data (400, or a case rule's own refusal).

const past = shift(specTime, { days: -2 });
const escalateLate = { type: 'escalate', data: { to: 'County roads bureau', reason: 'No reply', dueBy: past } };

t.test('case workflow v2 › when closed › escalating with a due date already past is an illegal transition, not bad data', async (t) => {
  const outcome = caseSpec[2](historyFor.closed, { actor: supervisor }).when(escalateLate);
  refused(t, outcome, 'WORKFLOW.ILLEGAL_TRANSITION');
  t.match(outcome.error, { commandType: 'escalate', status: 'closed' });
  t.same([...(outcome.error as IllegalTransitionError).allowedActions].sort(), ['add-note', 'reopen'], 'and names what may be done');
  refused(t, caseSpec[2](historyFor['in-progress'], { actor: supervisor }).when(escalateLate), 'COMMAND.INVALID', ['data.dueBy']);
});

for (const version of [1, 2] as const) {
  t.test(`case workflow v${version} › when new › the merge bookkeeping is an illegal transition, whatever it names`, async (t) => {
    for (const type of ['attach', 'confirm-merge', 'detach'] as const) {
      const data = type === 'detach' ? { caseId: 'spec-1', reason: 'the merge did not complete' } : { caseId: 'spec-1' };
      const outcome = caseSpec[version]([]).when({ type, data });
      refused(t, outcome, 'WORKFLOW.ILLEGAL_TRANSITION');
      t.match(outcome.error, { commandType: type, status: 'new' });
    }
  });

  t.test(`case workflow v${version} › when closed › a body that is no command at all is still bad data: the schema comes first`, async (t) => {
    refused(t, caseSpec[version](historyFor.closed).when({ type: 'escalate', data: { to: 42 } }), 'COMMAND.INVALID');
  });
}

/**
 * Commands each rule refuses, with the refusal, sent in every status to a
 * case with a merge under way. Where the transition tables (the second
 * statement of the rules) say the status takes the command, the rule
 * answers; everywhere else the status does.
 */
type Probe = { type: CaseCommandType; data: object; code: ErrorCode };
const sharedProbes: Probe[] = [
  { type: 'merge', data: { intoCaseId: 'spec-1' }, code: 'COMMAND.INVALID' },
  { type: 'withdraw', data: sampleCommandData.withdraw, code: 'CASE.MERGE_IN_PROGRESS' },
  { type: 'close', data: { summary: 'Done' }, code: 'CASE.MERGE_IN_PROGRESS' },
  { type: 'reassign', data: { deputyIds: ['dep-li', 'dep-wen'] }, code: 'COMMAND.INVALID' },
  { type: 'attach', data: { caseId: 'spec-1' }, code: 'COMMAND.INVALID' },
  { type: 'confirm-merge', data: { caseId: 'nobody' }, code: 'COMMAND.INVALID' },
  { type: 'detach', data: { caseId: 'nobody', reason: 'the merge did not complete' }, code: 'COMMAND.INVALID' },
];
const v2Probes: Probe[] = [
  { type: 'receive', data: { ...sampleCommandData.receive, receivedAt: shift(specTime, { days: 1 }) }, code: 'COMMAND.INVALID' },
  { type: 'escalate', data: escalateLate.data, code: 'COMMAND.INVALID' },
  { type: 'schedule-site-check', data: { at: past }, code: 'COMMAND.INVALID' },
  { type: 'complete-site-check', data: { findings: 'Cleared', participants: { deputyIds: [], staff: [] } }, code: 'COMMAND.INVALID' },
];
const probes = { 1: sharedProbes, 2: [...sharedProbes, ...v2Probes] } as const;

for (const version of [1, 2] as const) {
  t.test(`case workflow v${version} › in every status › a command the status does not take is refused by the status, before its data`, async (t) => {
    const taken = new Map<ErrorCode, number>();
    for (const [status, row] of Object.entries(tables[version]) as Array<[Status, (typeof tables)[1][Status]]>) {
      const given = caseSpec[version](withPendingMerge(historyFor[status]), { actor: supervisor });
      for (const { type, data, code } of probes[version]) {
        const outcome = given.when({ type, data });
        const expected = row[type] ? code : 'WORKFLOW.ILLEGAL_TRANSITION';
        t.equal((outcome.error as { code?: string } | undefined)?.code, expected, `${status}: ${type} → ${expected}`);
        if (row[type]) taken.set(code, (taken.get(code) ?? 0) + 1);
      }
    }
    // Each rule was met where its status takes the command, so both sides of the order were tried.
    t.ok((taken.get('COMMAND.INVALID') ?? 0) > 10 && (taken.get('CASE.MERGE_IN_PROGRESS') ?? 0) > 5, JSON.stringify([...taken]));
  });
}
