import type { TransitionTable, Transitions } from './machine.js';

/**
 * Case workflow v1: the rules cases opened before v2 keep until they close.
 * Notes and escalation are flags any status but the ends takes. Attaching
 * a merged case (and confirming or taking back the attachment) is the
 * merge's bookkeeping, which v1 cases take too so that a case can be merged
 * into them; v1 merged cases are not told the answer (no FeedbackRelayed).
 */
const bookkeeping: Transitions = { CaseMergeConfirmed: 'stay', CaseDetached: 'stay' };
const anyOpenState: Transitions = { NoteAdded: 'stay', CaseEscalated: 'stay', CaseAttached: 'stay', ...bookkeeping };
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
  withdrawn: bookkeeping,
  merged: bookkeeping,
};
