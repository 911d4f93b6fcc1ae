import t from 'tap';
import { CommandInvalidError, HuiyinError } from '../../../contracts/errors.js';
import { trackingCodeFor } from '../../../workflows/case/index.js';
import { ev, historyFor, sampleCommandData } from '../../support/case-fixtures.js';
import { accepted, after, caseSpec, deputy, refused } from './fixtures/case-spec.js';

// Behaviour both versions share; each test runs under v1 and v2.
for (const version of [1, 2] as const) {
  const spec = caseSpec[version];
  const name = `case workflow v${version}`;

  t.test(`${name} › receive › derives the case id, a tracking code and a deadline from the urgency`, async (t) => {
    const outcome = spec([], { streamId: 'c-42', occurredAt: '2026-06-13T09:00:00.000Z' }).when({
      type: 'receive',
      data: { ...sampleCommandData.receive, urgency: 'emergency' },
    });
    const [event] = accepted(t, outcome, 'CaseReceived');
    t.match(event?.data, { caseId: 'c-42', trackingCode: trackingCodeFor('c-42'), replyDueBy: '2026-06-13T11:00:00.000Z' });
    t.same([after(outcome).context.caseId, after(outcome).context.trackingCode], ['c-42', trackingCodeFor('c-42')]);
  });

  t.test(`${name} › receive › rejects bad data and names every bad field`, async (t) => {
    const outcome = spec([]).when({
      type: 'receive',
      data: { ...sampleCommandData.receive, channel: 'fax', summary: 'x'.repeat(2001), constituent: { name: '', phone: 'call me' }, colour: 'red' },
    });
    refused(t, outcome, 'COMMAND.INVALID', ['data', 'data.channel', 'data.constituent.name', 'data.constituent.phone', 'data.summary']);
  });

  t.test(`${name} › rejects an unknown command by name`, async (t) => {
    const { error } = spec(historyFor.received).when({ type: 'teleport', data: {} });
    t.type(error, HuiyinError);
    t.equal((error as HuiyinError).code, 'COMMAND.UNKNOWN');
  });

  t.test(`${name} › reassign › refuses the same deputies; a new lead is a real reassignment`, async (t) => {
    refused(t, spec(historyFor.assigned).when({ type: 'reassign', data: { deputyIds: ['dep-li', 'dep-wen'] } }), 'COMMAND.INVALID', ['data.deputyIds']);
    const newLead = spec(historyFor.acknowledged).when({ type: 'reassign', data: { deputyIds: ['dep-wen', 'dep-li'] } });
    accepted(t, newLead, 'CaseReassigned');
    t.same(after(newLead).context.deputyIds, ['dep-wen', 'dep-li']);
    t.equal(after(newLead).context.acknowledged, null, 'the new lead must acknowledge again');
    t.equal(after(newLead).status, 'assigned');
  });

  t.test(`${name} › assign › rejects repeated deputies`, async (t) => {
    refused(t, spec(historyFor.received).when({ type: 'assign', data: { deputyIds: ['dep-li', 'dep-li'] } }), 'COMMAND.INVALID', ['data.deputyIds']);
  });

  t.test(`${name} › record-agency-reply › attaches the reply to that agency’s referral`, async (t) => {
    const given = [...historyFor.acknowledged, ev('CaseReferred', { agency: 'Water bureau' }), ev('CaseReferred', { agency: 'Roads office' })];
    const outcome = spec(given).when({ type: 'record-agency-reply', data: { agency: 'Water bureau', reply: 'Fixed the main' } });
    accepted(t, outcome, 'AgencyReplied');
    t.same(after(outcome).context.referrals.map((r) => [r.agency, r.replies.map((x) => x.reply)]), [
      ['Water bureau', ['Fixed the main']],
      ['Roads office', []],
    ]);
  });

  t.test(`${name} › reopen › starts a new round and keeps why it was reopened`, async (t) => {
    const outcome = spec(historyFor['followed-up']).when({ type: 'reopen', data: { reason: 'Flooded again' } });
    const c = after(outcome).context;
    t.equal(after(outcome).status, 'in-progress');
    t.same([c.resolution, c.feedback, c.followUp, c.closed], [null, null, null, null]);
    t.same(c.reopenings.map((r) => r.reason), ['Flooded again']);
    t.equal(c.received?.summary, sampleCommandData.receive.summary, 'what was received stays');
  });

  t.test(`${name} › every event is stamped with when and by whom`, async (t) => {
    const outcome = spec(historyFor['site-check'], { actor: deputy, occurredAt: '2026-06-14T08:30:00+08:00' }).when({
      type: 'complete-site-check',
      data: { findings: 'Cleared', participants: { deputyIds: ['dep-li'] } },
    });
    // The command's time, in UTC as it is stored whatever offset the client sent.
    t.match(after(outcome).context.siteCheck?.completed, { findings: 'Cleared', at: '2026-06-14T00:30:00.000Z', by: deputy });
    t.equal(after(outcome).context.lastActivityAt, '2026-06-14T00:30:00.000Z');
  });

  t.test(`${name} › an optional field left out is not recorded as undefined`, async (t) => {
    const [event] = accepted(t, spec(historyFor.received).when({ type: 'accept', data: {} }), 'CaseAccepted');
    t.same(Object.keys(event?.data ?? { missing: true }), []);
    t.type(spec(historyFor.received).when({ type: 'accept', data: { note: 1 } }).error, CommandInvalidError);
  });
}

t.test('case workflow › tracking codes › differ between cases and skip look-alike characters', async (t) => {
  const codes = new Set(Array.from({ length: 2000 }, (_, i) => trackingCodeFor(`case-${i}`)));
  t.equal(codes.size, 2000, 'no collisions among 2,000 consecutive case ids');
  t.notOk([...codes].some((code) => /[01IOL]/.test(code)));
  t.ok([...codes].every((code) => /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/.test(code)));
});
