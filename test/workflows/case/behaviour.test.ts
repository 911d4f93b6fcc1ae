import t from 'tap';
import { CommandInvalidError, HuiyinError } from '../../../contracts/errors.js';
import type { CaseContext } from '../../../workflows/case/context.js';
import { caseWorkflow, replyDueBy, statusGroup, trackingCodeFor } from '../../../workflows/case/index.js';
import { historyFor, sampleCommandData } from '../../support/case-fixtures.js';
import { workflowSpec } from '../../support/workflow-spec.js';

const spec = workflowSpec(caseWorkflow);
const contextOf = (decision: { snapshot: { context: unknown } } | undefined) => decision?.snapshot.context as CaseContext;

t.test('case workflow › receive › derives a tracking code and a reply deadline from the urgency', async (t) => {
  const at = '2026-06-13T09:00:00.000Z';
  const { decision } = spec([], { streamId: 'c-42', occurredAt: at }).when({ type: 'receive', data: { ...sampleCommandData.receive, urgency: 'emergency' } });
  const data = decision?.events[0]?.data as Record<string, unknown>;
  t.equal(data.caseId, 'c-42');
  t.match(data.trackingCode, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  t.equal(data.trackingCode, trackingCodeFor('c-42'), 'the same case always gets the same code');
  t.equal(data.replyDueBy, '2026-06-13T11:00:00.000Z', 'emergencies are due in two hours');
  t.equal(replyDueBy(at, 'urgent'), '2026-06-14T09:00:00.000Z');
  t.equal(replyDueBy(at, 'normal'), '2026-06-20T09:00:00.000Z');
  t.equal(replyDueBy(at, 'complex'), '2026-06-28T09:00:00.000Z');
});

t.test('case workflow › tracking codes › differ between cases and skip look-alike characters', async (t) => {
  const codes = new Set(Array.from({ length: 2000 }, (_, i) => trackingCodeFor(`case-${i}`)));
  t.equal(codes.size, 2000, 'no collisions among 2,000 consecutive case ids');
  t.notOk([...codes].some((code) => /[01IOL]/.test(code)));
});

t.test('case workflow › receive › rejects bad data and names every bad field', async (t) => {
  const { error } = spec([]).when({
    type: 'receive',
    data: {
      ...sampleCommandData.receive,
      channel: 'fax',
      summary: 'x'.repeat(2001),
      constituent: { name: '', phone: 'call me' },
      colour: 'red',
    },
  });
  t.type(error, CommandInvalidError);
  const paths = (error as CommandInvalidError).issues.map((i) => i.path).sort();
  t.same(paths, ['data', 'data.channel', 'data.constituent.name', 'data.constituent.phone', 'data.summary']);
});

t.test('case workflow › rejects an unknown command by name', async (t) => {
  const { error } = spec(historyFor.received!).when({ type: 'teleport', data: {} });
  t.type(error, HuiyinError);
  t.equal((error as HuiyinError).code, 'COMMAND.UNKNOWN');
});

t.test('case workflow › merge › refuses to merge a case into itself', async (t) => {
  const { error } = spec(historyFor.received!).when({ type: 'merge', data: { intoCaseId: 'spec-1' } });
  t.type(error, CommandInvalidError);
  t.same((error as CommandInvalidError).issues.map((i) => i.path), ['data.intoCaseId']);
});

t.test('case workflow › reassign › refuses a reassignment to the same deputies, lead first', async (t) => {
  const same = spec(historyFor.assigned!).when({ type: 'reassign', data: { deputyIds: ['dep-li', 'dep-wen'] } });
  t.type(same.error, CommandInvalidError);
  const newLead = spec(historyFor.assigned!).when({ type: 'reassign', data: { deputyIds: ['dep-wen', 'dep-li'] } });
  t.equal(newLead.error, undefined, 'a change of lead deputy is a real reassignment');
  t.same(contextOf(newLead.decision).deputyIds, ['dep-wen', 'dep-li']);
  t.equal(contextOf(newLead.decision).acknowledged, null, 'the new lead must acknowledge again');
});

t.test('case workflow › assign › rejects repeated deputies', async (t) => {
  const { error } = spec(historyFor.received!).when({ type: 'assign', data: { deputyIds: ['dep-li', 'dep-li'] } });
  t.same((error as CommandInvalidError).issues.map((i) => i.path), ['data.deputyIds']);
});

t.test('case workflow › escalate › sets the flag and leaves the status as it is', async (t) => {
  const { decision } = spec(historyFor['in-progress']!).when({ type: 'escalate', data: { reason: 'No reply in five days' } });
  t.equal(decision?.snapshot.value, 'in-progress');
  t.same(
    contextOf(decision).escalations.map((e) => e.reason),
    ['No reply in five days'],
  );
});

t.test('case workflow › record-agency-reply › attaches the reply to that agency’s referral', async (t) => {
  const given = [
    ...historyFor.acknowledged!,
    { type: 'CaseReferred', data: { agency: 'Water bureau' } },
    { type: 'CaseReferred', data: { agency: 'Roads office' } },
  ];
  const { decision } = spec(given).when({ type: 'record-agency-reply', data: { agency: 'Water bureau', reply: 'Fixed the main' } });
  const referrals = contextOf(decision).referrals;
  t.same(referrals.map((r) => [r.agency, r.replies.map((x) => x.reply)]), [
    ['Water bureau', ['Fixed the main']],
    ['Roads office', []],
  ]);
});

t.test('case workflow › reopen › starts a new round and keeps why it was reopened', async (t) => {
  const given = [...historyFor['followed-up']!];
  const { decision } = spec(given).when({ type: 'reopen', data: { reason: 'Flooded again' } });
  const context = contextOf(decision);
  t.equal(decision?.snapshot.value, 'in-progress');
  t.equal(context.resolution, null);
  t.equal(context.feedback, null);
  t.equal(context.followUp, null);
  t.same(context.reopenings.map((r) => r.reason), ['Flooded again']);
  t.equal(context.received?.summary, sampleCommandData.receive.summary, 'what was received stays');
});

t.test('case workflow › every event is stamped with when and by whom', async (t) => {
  const actor = { id: 'dep-wen', role: 'deputy' as const };
  const { decision } = spec(historyFor['site-check']!, { actor, occurredAt: '2026-06-14T08:30:00+08:00' }).when({
    type: 'complete-site-check',
    data: { findings: 'Cleared' },
  });
  t.same(contextOf(decision).siteCheck?.completed, { findings: 'Cleared', at: '2026-06-14T08:30:00+08:00', by: actor });
  t.equal(contextOf(decision).lastActivityAt, '2026-06-14T08:30:00+08:00');
});

t.test('case workflow › status groups › open, answered and closed', async (t) => {
  t.same(
    ['received', 'in-progress', 'declined', 'resolved', 'answered', 'followed-up', 'closed', 'withdrawn', 'merged'].map(statusGroup),
    ['open', 'open', 'open', 'open', 'answered', 'answered', 'closed', 'closed', 'closed'],
  );
});
