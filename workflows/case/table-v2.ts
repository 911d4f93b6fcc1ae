import type { TransitionTable, Transitions } from './machine.js';

/**
 * Case workflow v2. Against v1: escalation (督办) is refused once a case is
 * closed, withdrawn or merged; only a case still open can take a merged
 * case in; a merged case is told the answer of the case it went into
 * (FeedbackRelayed); and a merge that could not complete can always take
 * its attachment back. The rules on data (reception time, site-check
 * participants, closing after a poor follow-up, new deadlines) are the
 * decider's.
 */
const flags: Transitions = { NoteAdded: 'stay', CaseEscalated: 'stay', CaseDetached: 'stay' };
const open: Transitions = { ...flags, CaseAttached: 'stay', CaseWithdrawn: 'withdrawn', CaseMerged: 'merged' };

export const caseTableV2: TransitionTable = {
  new: { CaseReceived: 'received' },
  received: { ...open, CaseAccepted: 'accepted', CaseAssigned: 'assigned', CaseDeclined: 'declined' },
  accepted: { ...open, CaseAssigned: 'assigned' },
  assigned: { ...open, CaseAcknowledged: 'acknowledged', CaseReassigned: 'assigned' },
  acknowledged: {
    ...open,
    SiteCheckScheduled: 'site-check',
    CaseReferred: 'in-progress',
    ProgressNoted: 'in-progress',
    CaseResolved: 'resolved',
    CaseReassigned: 'assigned',
  },
  'site-check': { ...open, SiteCheckCompleted: 'in-progress', SiteCheckScheduled: 'stay', CaseReassigned: 'assigned' },
  'in-progress': {
    ...open,
    SiteCheckScheduled: 'site-check',
    CaseReferred: 'stay',
    AgencyReplied: 'stay',
    ProgressNoted: 'stay',
    CaseResolved: 'resolved',
    CaseReassigned: 'assigned',
  },
  resolved: { ...open, FeedbackGiven: 'answered', CaseReopened: 'in-progress' },
  declined: { ...open, FeedbackGiven: 'answered' },
  answered: { ...flags, FollowUpRecorded: 'followed-up', CaseClosed: 'closed' },
  'followed-up': { ...flags, CaseClosed: 'closed', CaseReopened: 'in-progress' },
  closed: { NoteAdded: 'stay', CaseDetached: 'stay', CaseReopened: 'in-progress' },
  withdrawn: { CaseDetached: 'stay' },
  merged: { FeedbackRelayed: 'stay', CaseDetached: 'stay' },
};
