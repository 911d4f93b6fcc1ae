import type { TransitionTable, Transitions } from './machine.js';

/**
 * Case workflow v2. Against v1: escalation (督办) is refused once a case is
 * closed, withdrawn or merged; only a case still open can take a merged
 * case in; a merged case is told the answer of the case it went into
 * (FeedbackRelayed); a case under a site check can be reassigned; and a
 * merge's attachment can always be confirmed or taken back. The rules on
 * data (reception time, site-check participants, closing after a poor
 * follow-up, new deadlines, what a case answering for others may not do)
 * are the deciders'.
 */
const bookkeeping: Transitions = { CaseMergeConfirmed: 'stay', CaseDetached: 'stay' };
const flags: Transitions = { NoteAdded: 'stay', CaseEscalated: 'stay', ...bookkeeping };
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
  closed: { ...bookkeeping, NoteAdded: 'stay', CaseReopened: 'in-progress' },
  withdrawn: bookkeeping,
  merged: { ...bookkeeping, FeedbackRelayed: 'stay' },
};
