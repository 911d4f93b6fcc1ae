import t from 'tap';
import { caseCommandTypes } from '../../../contracts/case/commands.js';
import { IllegalTransitionError } from '../../../contracts/errors.js';
import { caseWorkflow } from '../../../workflows/case/index.js';
import { allowedCommands } from '../../../workflows/engine/fold.js';
import { historyFor, sampleCommandData } from '../../support/case-fixtures.js';
import { workflowSpec } from '../../support/workflow-spec.js';

// The transition table of case workflow v1, written out on its own so the
// machine is checked against it rather than against itself.
const beforeAnswered = { withdraw: 'withdrawn', merge: 'merged' };
const flags = (status: string) => ({ 'add-note': status, escalate: status });
const table: Record<string, Record<string, string>> = {
  new: { receive: 'received' },
  received: { accept: 'accepted', assign: 'assigned', decline: 'declined', ...beforeAnswered, ...flags('received') },
  accepted: { assign: 'assigned', ...beforeAnswered, ...flags('accepted') },
  assigned: { acknowledge: 'acknowledged', reassign: 'assigned', ...beforeAnswered, ...flags('assigned') },
  acknowledged: {
    'schedule-site-check': 'site-check',
    refer: 'in-progress',
    'note-progress': 'in-progress',
    resolve: 'resolved',
    reassign: 'assigned',
    ...beforeAnswered,
    ...flags('acknowledged'),
  },
  'site-check': {
    'complete-site-check': 'in-progress',
    'schedule-site-check': 'site-check',
    ...beforeAnswered,
    ...flags('site-check'),
  },
  'in-progress': {
    'schedule-site-check': 'site-check',
    refer: 'in-progress',
    'record-agency-reply': 'in-progress',
    'note-progress': 'in-progress',
    resolve: 'resolved',
    reassign: 'assigned',
    ...beforeAnswered,
    ...flags('in-progress'),
  },
  resolved: { 'give-feedback': 'answered', reopen: 'in-progress', ...beforeAnswered, ...flags('resolved') },
  declined: { 'give-feedback': 'answered', ...beforeAnswered, ...flags('declined') },
  answered: { 'record-follow-up': 'followed-up', close: 'closed', ...flags('answered') },
  'followed-up': { close: 'closed', reopen: 'in-progress', ...flags('followed-up') },
  closed: { reopen: 'in-progress', ...flags('closed') },
  withdrawn: {},
  merged: {},
};

const eventOf: Record<string, string> = {
  receive: 'CaseReceived', accept: 'CaseAccepted', assign: 'CaseAssigned', reassign: 'CaseReassigned',
  acknowledge: 'CaseAcknowledged', 'schedule-site-check': 'SiteCheckScheduled',
  'complete-site-check': 'SiteCheckCompleted', refer: 'CaseReferred', 'record-agency-reply': 'AgencyReplied',
  'note-progress': 'ProgressNoted', resolve: 'CaseResolved', decline: 'CaseDeclined',
  'give-feedback': 'FeedbackGiven', 'record-follow-up': 'FollowUpRecorded', close: 'CaseClosed',
  reopen: 'CaseReopened', withdraw: 'CaseWithdrawn', merge: 'CaseMerged', 'add-note': 'NoteAdded',
  escalate: 'CaseEscalated',
};

const spec = workflowSpec(caseWorkflow);

for (const [status, allowed] of Object.entries(table)) {
  t.test(`case workflow › when ${status}`, async (t) => {
    const given = spec(status === 'new' ? [] : historyFor[status]!);
    t.equal(given.before.value, status, `the given history leaves the case ${status}`);
    t.same(allowedCommands(caseWorkflow, given.before).sort(), Object.keys(allowed).sort(), 'lists exactly the allowed actions');

    for (const command of caseCommandTypes) {
      const next = allowed[command];
      const { decision, error } = given.when({ type: command, data: sampleCommandData[command] });
      if (next) {
        t.test(`${command} records ${eventOf[command]} and moves the case to ${next}`, async (t) => {
          t.equal(error, undefined);
          t.same(decision?.events.map((e) => e.type), [eventOf[command]]);
          t.equal(decision?.snapshot.value, next);
        });
      } else {
        t.test(`rejects ${command}, naming the allowed actions`, async (t) => {
          t.type(error, IllegalTransitionError);
          const illegal = error as IllegalTransitionError;
          t.equal(illegal.code, 'CASE.ILLEGAL_TRANSITION');
          t.equal(illegal.status, status);
          t.same([...illegal.allowedActions].sort(), Object.keys(allowed).sort());
        });
      }
    }
  });
}
