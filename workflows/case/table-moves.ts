import type { CaseStatus } from '../../contracts/case/vocabulary.js';
import type { TransitionTable, Transitions } from './machine.js';

/**
 * The moves every version of the case workflow shares: how a matter goes
 * from receipt to closure. Each version's table adds, per status, the flags
 * and bookkeeping it takes there (notes, escalation, withdrawal, merging).
 */
export const caseMoves: TransitionTable = {
  new: { CaseReceived: 'received' },
  received: { CaseAccepted: 'accepted', CaseAssigned: 'assigned', CaseDeclined: 'declined' },
  accepted: { CaseAssigned: 'assigned' },
  assigned: { CaseAcknowledged: 'acknowledged', CaseReassigned: 'assigned' },
  acknowledged: {
    SiteCheckScheduled: 'site-check',
    CaseReferred: 'in-progress',
    ProgressNoted: 'in-progress',
    CaseResolved: 'resolved',
    CaseReassigned: 'assigned',
  },
  'site-check': { SiteCheckCompleted: 'in-progress', SiteCheckScheduled: 'stay' },
  'in-progress': {
    SiteCheckScheduled: 'site-check',
    CaseReferred: 'stay',
    AgencyReplied: 'stay',
    ProgressNoted: 'stay',
    CaseResolved: 'resolved',
    CaseReassigned: 'assigned',
  },
  resolved: { FeedbackGiven: 'answered', CaseReopened: 'in-progress' },
  declined: { FeedbackGiven: 'answered' },
  answered: { FollowUpRecorded: 'followed-up', CaseClosed: 'closed' },
  'followed-up': { CaseClosed: 'closed', CaseReopened: 'in-progress' },
  closed: { CaseReopened: 'in-progress' },
  withdrawn: {},
  merged: {},
};

/** Statuses before the citizen has an answer. */
export const beforeAnswer: ReadonlySet<string> = new Set(['received', 'accepted', 'assigned', 'acknowledged', 'site-check', 'in-progress', 'resolved', 'declined']);

/**
 * What Huiyin records by itself while a deadline is live (workflows/case/timers.ts):
 * every version takes them wherever it takes a 督办, whose own due date can
 * pass there; the reply and feedback deadlines live only before an answer.
 */
export const timerFlags: Transitions = { ReminderSent: 'stay', CaseWentOverdue: 'stay' };

/** A version's table: the shared moves, with what `extra` gives each status. */
export function withMoves(extra: (status: 'new' | CaseStatus) => Transitions): TransitionTable {
  return Object.fromEntries(
    Object.entries(caseMoves).map(([status, moves]) => [status, { ...extra(status as 'new' | CaseStatus), ...moves }]),
  ) as TransitionTable;
}
