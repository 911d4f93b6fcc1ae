import { assign, setup } from 'xstate';
import type { CaseEvent } from '../../contracts/case/events.js';
import type { Actor } from '../../contracts/metadata.js';
import { emptyCaseContext, evolveCaseContext, type CaseContext } from './context.js';

/** Machine events are the case's domain events plus when and by whom. */
export type CaseMachineEvent = CaseEvent & { occurredAt: string; actor: Actor };

const go = (target: string) => ({ target, actions: 'record' as const });
/** A transition that records the event and leaves the status as it is. */
const stay = { actions: 'record' as const };

/** Any state that is not terminal accepts notes and escalation (a flag). */
const anyOpenState = { NoteAdded: stay, CaseEscalated: stay };
/** Before the citizen has an answer, the case can still be withdrawn or merged. */
const beforeAnswered = { ...anyOpenState, CaseWithdrawn: go('withdrawn'), CaseMerged: go('merged') };

/** What a case knows after one more event: the machine's only action. */
export function recordCaseEvent(context: CaseContext, event: CaseMachineEvent): CaseContext {
  return evolveCaseContext(context, event, { at: event.occurredAt, by: event.actor });
}

/**
 * The case workflow v1. States are the public statuses; every transition
 * runs the single `record` action, so what a case knows is derived from its
 * events by one pure function and the machine only decides what may happen.
 */
export const caseMachine = setup({
  types: { context: {} as CaseContext, events: {} as CaseMachineEvent },
  actions: {
    record: assign(({ context, event }) => recordCaseEvent(context, event)),
  },
}).createMachine({
  id: 'case',
  initial: 'new',
  context: emptyCaseContext,
  states: {
    new: { on: { CaseReceived: go('received') } },
    received: {
      on: { ...beforeAnswered, CaseAccepted: go('accepted'), CaseAssigned: go('assigned'), CaseDeclined: go('declined') },
    },
    accepted: { on: { ...beforeAnswered, CaseAssigned: go('assigned') } },
    assigned: { on: { ...beforeAnswered, CaseAcknowledged: go('acknowledged'), CaseReassigned: go('assigned') } },
    acknowledged: {
      on: {
        ...beforeAnswered,
        SiteCheckScheduled: go('site-check'),
        CaseReferred: go('in-progress'),
        ProgressNoted: go('in-progress'),
        CaseResolved: go('resolved'),
        CaseReassigned: go('assigned'),
      },
    },
    'site-check': {
      on: { ...beforeAnswered, SiteCheckCompleted: go('in-progress'), SiteCheckScheduled: stay },
    },
    'in-progress': {
      on: {
        ...beforeAnswered,
        SiteCheckScheduled: go('site-check'),
        CaseReferred: stay,
        AgencyReplied: stay,
        ProgressNoted: stay,
        CaseResolved: go('resolved'),
        CaseReassigned: go('assigned'),
      },
    },
    resolved: { on: { ...beforeAnswered, FeedbackGiven: go('answered'), CaseReopened: go('in-progress') } },
    declined: { on: { ...beforeAnswered, FeedbackGiven: go('answered') } },
    answered: { on: { ...anyOpenState, FollowUpRecorded: go('followed-up'), CaseClosed: go('closed') } },
    'followed-up': { on: { ...anyOpenState, CaseClosed: go('closed'), CaseReopened: go('in-progress') } },
    closed: { on: { ...anyOpenState, CaseReopened: go('in-progress') } },
    withdrawn: { type: 'final' },
    merged: { type: 'final' },
  },
});

export type CaseStatus = Exclude<keyof typeof caseMachine.config.states & string, 'new'>;

export const caseStatuses = [
  'received', 'accepted', 'assigned', 'acknowledged', 'site-check', 'in-progress', 'resolved',
  'declined', 'answered', 'followed-up', 'closed', 'withdrawn', 'merged',
] as const;

export type StatusGroup = 'open' | 'answered' | 'closed';

/** The public grouping shown to citizens and counted by supervisors. */
export function statusGroup(status: string): StatusGroup {
  if (status === 'answered' || status === 'followed-up') return 'answered';
  if (status === 'closed' || status === 'withdrawn' || status === 'merged') return 'closed';
  return 'open';
}
