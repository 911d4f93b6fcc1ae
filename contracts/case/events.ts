import { z } from 'zod';
import { caseCommandData, receiveData } from './commands.js';

/**
 * Case events carry everything a read model needs. Most carry exactly the
 * command's data; CaseReceived adds what is decided at receipt.
 */
export const caseEventData = {
  CaseReceived: receiveData.extend({
    caseId: z.string().min(1),
    trackingCode: z.string().regex(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/),
    /** When a first reply is due, from the urgency: deadlines are data. */
    replyDueBy: z.iso.datetime({ offset: true }),
  }),
  CaseAccepted: caseCommandData.accept,
  CaseAssigned: caseCommandData.assign,
  CaseReassigned: caseCommandData.reassign,
  CaseAcknowledged: caseCommandData.acknowledge,
  SiteCheckScheduled: caseCommandData['schedule-site-check'],
  SiteCheckCompleted: caseCommandData['complete-site-check'],
  CaseReferred: caseCommandData.refer,
  AgencyReplied: caseCommandData['record-agency-reply'],
  ProgressNoted: caseCommandData['note-progress'],
  CaseResolved: caseCommandData.resolve,
  CaseDeclined: caseCommandData.decline,
  FeedbackGiven: caseCommandData['give-feedback'],
  FollowUpRecorded: caseCommandData['record-follow-up'],
  CaseClosed: caseCommandData.close,
  CaseReopened: caseCommandData.reopen,
  CaseWithdrawn: caseCommandData.withdraw,
  CaseMerged: caseCommandData.merge,
  NoteAdded: caseCommandData['add-note'],
  CaseEscalated: caseCommandData.escalate,
} as const;

export type CaseEventType = keyof typeof caseEventData;
export const caseEventTypes = Object.keys(caseEventData) as CaseEventType[];

export type CaseEvent = {
  [K in CaseEventType]: { type: K; data: z.infer<(typeof caseEventData)[K]> };
}[CaseEventType];

export type CaseEventOf<K extends CaseEventType> = Extract<CaseEvent, { type: K }>;

/** Bumped when an event's data shape changes; stored in every event's metadata. */
export const CASE_EVENT_SCHEMA_VERSION = 1;
