import type { Actor } from '../../contracts/actor.js';
import type { CaseEvent, CaseEventData } from '../../contracts/case/events.js';
import type { PendingTimer } from '../../contracts/case/timers.js';
import { evolveTimers, movesTimers } from './timers.js';

type Data<K extends CaseEvent['type']> = CaseEventData<K>;

export interface Stamp {
  at: string;
  by: Actor;
}

/** Everything the workflow has gathered about one case (both versions). */
export interface CaseContext {
  caseId: string;
  trackingCode: string;
  received: (Omit<Data<'CaseReceived'>, 'caseId' | 'trackingCode'> & Stamp) | null;
  /** The reply deadline in force: from receipt, or from the latest reopening. */
  replyDueBy: string | null;
  deputyIds: string[];
  accepted: Stamp | null;
  acknowledged: Stamp | null;
  siteCheck: { scheduledAt: string; completed: (Data<'SiteCheckCompleted'> & Stamp) | null } | null;
  referrals: Array<Data<'CaseReferred'> & Stamp & { replies: Array<{ reply: string } & Stamp> }>;
  progressNotes: Array<Data<'ProgressNoted'> & Stamp>;
  resolution: (Data<'CaseResolved'> & Stamp) | null;
  declined: (Data<'CaseDeclined'> & Stamp) | null;
  feedback: (Data<'FeedbackGiven'> & Stamp) | null;
  followUp: (Data<'FollowUpRecorded'> & Stamp) | null;
  closed: (Data<'CaseClosed'> & Stamp) | null;
  reopenings: Array<Data<'CaseReopened'> & Stamp>;
  withdrawn: (Data<'CaseWithdrawn'> & Stamp) | null;
  mergedInto: string | null;
  /** Cases being merged into this one: attached, their own merge not yet recorded. */
  pendingMerges: string[];
  /** Cases merged into this one. */
  mergedCases: string[];
  relayedFeedback: Array<Data<'FeedbackRelayed'> & Stamp>;
  escalations: Array<Data<'CaseEscalated'> & Stamp>;
  notes: Array<Data<'NoteAdded'> & Stamp>;
  /** Each time the citizen pressed (催办) the matter. */
  presses: Array<Data<'CasePressed'> & Stamp>;
  /** The firings the case waits for (reminders, overdue marks, escalation), by the workflow's timer declarations. */
  timers: readonly PendingTimer[];
  /** Deadlines that passed unanswered, as Huiyin marked them. */
  wentOverdue: Array<Data<'CaseWentOverdue'> & Stamp>;
  /** When a person last did anything (Huiyin's reminders and marks are not activity). */
  lastActivityAt: string | null;
}

export const emptyCaseContext: CaseContext = {
  caseId: '',
  trackingCode: '',
  received: null,
  replyDueBy: null,
  deputyIds: [],
  accepted: null,
  acknowledged: null,
  siteCheck: null,
  referrals: [],
  progressNotes: [],
  resolution: null,
  declined: null,
  feedback: null,
  followUp: null,
  closed: null,
  reopenings: [],
  withdrawn: null,
  mergedInto: null,
  pendingMerges: [],
  mergedCases: [],
  relayedFeedback: [],
  escalations: [],
  notes: [],
  presses: [],
  timers: [],
  wentOverdue: [],
  lastActivityAt: null,
};

/** An event's data with when and by whom (Object.assign: see docs/performance.md, hot-path objects). */
function stamped<T extends object>(data: T, stamp: Stamp): T & Stamp {
  return Object.assign({}, data, stamp);
}

/**
 * Records an event's data in the context. Which events may happen when is
 * the machine's business, not this function's; a reopened case starts a new
 * round, so the answers of the previous round are cleared.
 */
export function evolveCaseContext(context: CaseContext, event: CaseEvent, stamp: Stamp): CaseContext {
  // Every key set below is already one of the context's (docs/performance.md).
  const c: CaseContext = { ...context, lastActivityAt: stamp.at };
  if (movesTimers(event.type)) c.timers = evolveTimers(context.timers, event, stamp.at);
  switch (event.type) {
    case 'CaseReceived': {
      const { caseId, trackingCode, ...received } = event.data;
      return { ...c, caseId, trackingCode, replyDueBy: received.replyDueBy, received: Object.assign(received, stamp) };
    }
    case 'CaseAccepted':
      return { ...c, accepted: stamp };
    case 'CaseAssigned':
    case 'CaseReassigned':
      return { ...c, deputyIds: event.data.deputyIds, acknowledged: null };
    case 'CaseAcknowledged':
      return { ...c, acknowledged: stamp };
    case 'SiteCheckScheduled':
      return { ...c, siteCheck: { scheduledAt: event.data.at, completed: null } };
    case 'SiteCheckCompleted':
      return { ...c, siteCheck: { scheduledAt: c.siteCheck?.scheduledAt ?? stamp.at, completed: stamped(event.data, stamp) } };
    case 'CaseReferred':
      return { ...c, referrals: [...c.referrals, Object.assign({}, event.data, stamp, { replies: [] })] };
    case 'AgencyReplied':
      return { ...c, referrals: withAgencyReply(c.referrals, event.data, stamp) };
    case 'ProgressNoted':
      return { ...c, progressNotes: [...c.progressNotes, stamped(event.data, stamp)] };
    case 'CaseResolved':
      return { ...c, resolution: stamped(event.data, stamp) };
    case 'CaseDeclined':
      return { ...c, declined: stamped(event.data, stamp) };
    case 'FeedbackGiven':
      return { ...c, feedback: stamped(event.data, stamp) };
    case 'FeedbackRelayed':
      return { ...c, relayedFeedback: [...c.relayedFeedback, stamped(event.data, stamp)] };
    case 'FollowUpRecorded':
      return { ...c, followUp: stamped(event.data, stamp) };
    case 'CaseClosed':
      return { ...c, closed: stamped(event.data, stamp) };
    case 'CaseReopened':
      return {
        ...c,
        reopenings: [...c.reopenings, stamped(event.data, stamp)],
        replyDueBy: event.data.replyDueBy ?? c.replyDueBy,
        resolution: null,
        feedback: null,
        followUp: null,
        closed: null,
      };
    case 'CaseWithdrawn':
      return { ...c, withdrawn: stamped(event.data, stamp) };
    case 'CaseMerged':
      return { ...c, mergedInto: event.data.intoCaseId };
    case 'CaseAttached':
      return { ...c, pendingMerges: [...c.pendingMerges, event.data.caseId] };
    case 'CaseMergeConfirmed':
      return {
        ...c,
        pendingMerges: c.pendingMerges.filter((id) => id !== event.data.caseId),
        mergedCases: [...c.mergedCases, event.data.caseId],
      };
    case 'CaseDetached':
      return {
        ...c,
        pendingMerges: c.pendingMerges.filter((id) => id !== event.data.caseId),
        mergedCases: c.mergedCases.filter((id) => id !== event.data.caseId),
      };
    case 'CaseEscalated':
      // Huiyin's own escalation is not activity on the case: nobody worked on it.
      return { ...c, lastActivityAt: event.data.automatic ? context.lastActivityAt : c.lastActivityAt, escalations: [...c.escalations, stamped(event.data, stamp)] };
    case 'ReminderSent':
      // The reminder is in the history and the notifications; the case only drops its timer (above).
      return { ...c, lastActivityAt: context.lastActivityAt };
    case 'CaseWentOverdue':
      return { ...c, lastActivityAt: context.lastActivityAt, wentOverdue: [...c.wentOverdue, stamped(event.data, stamp)] };
    case 'NoteAdded':
      return { ...c, notes: [...c.notes, stamped(event.data, stamp)] };
    case 'CasePressed':
      // Being pressed is not work done on the case.
      return { ...c, lastActivityAt: context.lastActivityAt, presses: [...c.presses, stamped(event.data, stamp)] };
    default:
      return context;
  }
}

function withAgencyReply(
  referrals: CaseContext['referrals'],
  data: Data<'AgencyReplied'>,
  stamp: Stamp,
): CaseContext['referrals'] {
  // The reply goes to the latest referral to that agency; a reply from an
  // agency never referred to is kept as a referral of its own.
  const index = referrals.findLastIndex((r) => r.agency === data.agency);
  const reply = { reply: data.reply, at: stamp.at, by: stamp.by };
  if (index === -1) return [...referrals, { agency: data.agency, at: stamp.at, by: stamp.by, replies: [reply] }];
  return referrals.map((r, i) => (i === index ? { ...r, replies: [...r.replies, reply] } : r));
}
