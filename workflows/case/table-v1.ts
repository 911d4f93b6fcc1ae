import type { TransitionTable, Transitions } from './machine.js';

/**
 * Case workflow v1: the rules cases opened before v2 keep until they close.
 * Notes and escalation are flags any status but the ends takes; attaching a
 * merged case and relaying feedback are the merge's bookkeeping, which v1
 * cases take too so that a v2 case can be merged into them.
 */
const anyOpenState: Transitions = { NoteAdded: 'stay', CaseEscalated: 'stay', CaseAttached: 'stay', CaseDetached: 'stay' };
const beforeAnswered: Transitions = { ...anyOpenState, CaseWithdrawn: 'withdrawn', CaseMerged: 'merged' };

export const caseTableV1: TransitionTable = {
  new: { CaseReceived: 'received' },
  received: { ...beforeAnswered, CaseAccepted: 'accepted', CaseAssigned: 'assigned', CaseDeclined: 'declined' },
  accepted: { ...beforeAnswered, CaseAssigned: 'assigned' },
  assigned: { ...beforeAnswered, CaseAcknowledged: 'acknowledged', CaseReassigned: 'assigned' },
  acknowledged: {
    ...beforeAnswered,
    SiteCheckScheduled: 'site-check',
    CaseReferred: 'in-progress',
    ProgressNoted: 'in-progress',
    CaseResolved: 'resolved',
    CaseReassigned: 'assigned',
  },
  'site-check': { ...beforeAnswered, SiteCheckCompleted: 'in-progress', SiteCheckScheduled: 'stay' },
  'in-progress': {
    ...beforeAnswered,
    SiteCheckScheduled: 'site-check',
    CaseReferred: 'stay',
    AgencyReplied: 'stay',
    ProgressNoted: 'stay',
    CaseResolved: 'resolved',
    CaseReassigned: 'assigned',
  },
  resolved: { ...beforeAnswered, FeedbackGiven: 'answered', CaseReopened: 'in-progress' },
  declined: { ...beforeAnswered, FeedbackGiven: 'answered' },
  answered: { ...anyOpenState, FollowUpRecorded: 'followed-up', CaseClosed: 'closed' },
  'followed-up': { ...anyOpenState, CaseClosed: 'closed', CaseReopened: 'in-progress' },
  closed: { ...anyOpenState, CaseReopened: 'in-progress' },
  withdrawn: {},
  merged: {},
};
