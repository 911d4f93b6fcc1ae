import type { urgencies } from '../../contracts/case/vocabulary.js';
import type { CaseEventType } from '../../contracts/case/events.js';

const HOUR = 3_600_000;

/**
 * Time allowed for a first reply, by urgency, as 12345 hotlines count it:
 * emergencies 2 hours, urgent matters 24 hours, normal 7 days, complex 15.
 */
export const replyWindowMs: Record<(typeof urgencies)[number], number> = {
  emergency: 2 * HOUR,
  urgent: 24 * HOUR,
  normal: 7 * 24 * HOUR,
  complex: 15 * 24 * HOUR,
};

export function replyDueBy(receivedAt: string, urgency: (typeof urgencies)[number]): string {
  return new Date(Date.parse(receivedAt) + replyWindowMs[urgency]).toISOString();
}

/**
 * What answers a reply deadline: a deputy acknowledging the matter, or
 * feedback reaching the citizen (their own, or relayed from the case theirs
 * was merged into). A case that has had none by its deadline is overdue.
 */
export const replyEvents: ReadonlySet<CaseEventType> = new Set<CaseEventType>(['CaseAcknowledged', 'FeedbackGiven', 'FeedbackRelayed']);
