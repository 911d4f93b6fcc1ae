import t from 'tap';
import { ev, historyFor } from '../../support/case-fixtures.js';
import { specTime } from '../../support/workflow-spec.js';
import { accepted, after, caseSpec, refused, shift, supervisor } from './fixtures/case-spec.js';

const now = specTime;
const escalate = (data: Record<string, unknown>) => ({
  type: 'escalate',
  data: { to: 'County people’s congress liaison office', reason: 'No reply in five days', dueBy: shift(now, { days: 3 }), ...data },
});

t.test('case workflow v2 › when in-progress › escalation names to whom, why and by when, and keeps the status', async (t) => {
  const outcome = caseSpec[2](historyFor['in-progress'], { actor: supervisor }).when(escalate({ dueBy: '2026-06-16T18:00:00+08:00' }));
  const [event] = accepted(t, outcome, 'CaseEscalated');
  t.same(event?.data, { to: 'County people’s congress liaison office', reason: 'No reply in five days', dueBy: '2026-06-16T10:00:00.000Z', automatic: null });
  t.equal(after(outcome).status, 'in-progress');
  t.match(after(outcome).context.escalations, [{ to: 'County people’s congress liaison office', dueBy: '2026-06-16T10:00:00.000Z', by: supervisor }]);
});

t.test('case workflow v2 › when escalated before › may be escalated again, and each stays in the history', async (t) => {
  const outcome = caseSpec[2]([...historyFor['in-progress'], ev('CaseEscalated')]).when(escalate({ to: 'County roads bureau director' }));
  accepted(t, outcome, 'CaseEscalated');
  t.same(
    after(outcome).context.escalations.map((e) => e.to),
    ['County roads bureau', 'County roads bureau director'],
  );
});

t.test('case workflow v2 › escalate › refuses a due date that is not in the future', async (t) => {
  const spec = caseSpec[2](historyFor['in-progress']);
  refused(t, spec.when(escalate({ dueBy: now })), 'COMMAND.INVALID', ['data.dueBy']);
  refused(t, spec.when(escalate({ dueBy: shift(now, { days: -1 }) })), 'COMMAND.INVALID', ['data.dueBy']);
  accepted(t, spec.when(escalate({ dueBy: shift(now, { ms: 1 }) })), 'CaseEscalated');
});

t.test('case workflow v2 › escalate › needs to whom, why and by when', async (t) => {
  refused(t, caseSpec[2](historyFor['in-progress']).when({ type: 'escalate', data: {} }), 'COMMAND.INVALID', ['data.to', 'data.reason', 'data.dueBy']);
  refused(t, caseSpec[2](historyFor['in-progress']).when(escalate({ to: '   ' })), 'COMMAND.INVALID', ['data.to']);
});

for (const status of ['closed', 'withdrawn', 'merged'] as const) {
  t.test(`case workflow v2 › when ${status} › refuses escalation`, async (t) => {
    refused(t, caseSpec[2](historyFor[status], { actor: supervisor }).when(escalate({})), 'WORKFLOW.ILLEGAL_TRANSITION');
  });
}

for (const status of ['answered', 'followed-up'] as const) {
  t.test(`case workflow v2 › when ${status} › escalation is still taken: the matter is not closed`, async (t) => {
    accepted(t, caseSpec[2](historyFor[status]).when(escalate({})), 'CaseEscalated');
  });
}

t.test('case workflow v1 › when closed › escalation is taken, with a due date already past', async (t) => {
  // Cases opened under v1 keep its rules: escalation was a flag on any status but the ends.
  const outcome = caseSpec[1](historyFor.closed).when(escalate({ dueBy: shift(now, { days: -1 }) }));
  accepted(t, outcome, 'CaseEscalated');
  t.equal(after(outcome).status, 'closed');
  refused(t, caseSpec[1](historyFor.withdrawn).when(escalate({})), 'WORKFLOW.ILLEGAL_TRANSITION');
});
