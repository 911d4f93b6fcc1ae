import { z } from 'zod';
import { areaCodeSchema } from '../area.js';
import { eventContract } from '../event-contract.js';
import type { JsonObject } from '../event-store.js';
import { instant } from '../time.js';
import { deadlineKinds, deadlinePlanSchema, policyRefSchema } from './timers.js';
import { channels, feedbackMethods, outcomes, satisfactions, urgencies } from './vocabulary.js';

/**
 * What a case's log holds, declared on its own: no event's data is an alias
 * of a request body, so changing what a client sends never silently
 * changes what an auditor reads. Shapes are locked in
 * `../event-schemas.lock.json`; a changed shape needs a new version and an
 * upcaster from the old one (see `../event-contract.ts`).
 */
const str = z.string();
const ids = z.array(str);
const occurredAtOf = (metadata: JsonObject) => new Date(String(metadata.occurredAt)).toISOString();

const constituent = z.strictObject({ name: str, phone: str.optional(), address: str.optional() });
const location = z.strictObject({ description: str.optional(), lat: z.number().optional(), lng: z.number().optional() });

const caseReceived = z.strictObject({
  caseId: str,
  trackingCode: z.string().regex(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/),
  channel: z.enum(channels),
  stationId: str,
  areaCode: areaCodeSchema,
  /** The category's code, and its name when the case was received (v1 cases: their free text). */
  category: str,
  categoryName: str,
  summary: str,
  constituent,
  location: location.optional(),
  urgency: z.enum(urgencies),
  /** When the visit or message happened, as the reception form says. */
  receivedAt: instant,
  /** The deputies who received the visitor in person. */
  receptionDeputyIds: ids,
  /** When a first reply is due: deadlines are data. */
  replyDueBy: instant,
  /** The other deadlines and firings the area's policy set (null: cases received before Huiyin kept them). */
  plan: deadlinePlanSchema.nullable(),
});

const deadline = { deadline: z.enum(deadlineKinds), dueBy: instant };
/** Who a reminder or an overdue mark is for: the assigned deputies, or the station's staff while nobody is assigned. */
const timerRecipients = z.strictObject({ deputyIds: ids, stationStaff: str.nullable() });

const participants = z.strictObject({ deputyIds: ids, staff: z.array(str) });

export const caseEventContracts = {
  CaseReceived: eventContract(caseReceived, 3, {
    // v1 took free-text categories and recorded no visit time or receiving deputies.
    1: (data, metadata) =>
      Object.assign({}, data, {
        categoryName: data.category,
        receivedAt: occurredAtOf(metadata),
        receptionDeputyIds: [],
      }),
    // v2 kept the reply deadline only: no reminders, feedback deadline or escalation.
    2: (data) => Object.assign({}, data, { plan: null }),
  }),
  CaseAccepted: eventContract(z.strictObject({ note: str.optional() })),
  CaseAssigned: eventContract(z.strictObject({ deputyIds: ids })),
  CaseReassigned: eventContract(z.strictObject({ deputyIds: ids, reason: str.optional() })),
  CaseAcknowledged: eventContract(z.strictObject({})),
  SiteCheckScheduled: eventContract(z.strictObject({ at: instant }), 2, {
    // v1 kept the time with the offset the client sent; v2 stores UTC.
    1: (data) => ({ at: new Date(String(data.at)).toISOString() }),
  }),
  SiteCheckCompleted: eventContract(
    z.strictObject({ findings: str, checkedAt: instant, participants }),
    2,
    { 1: (data, metadata) => Object.assign({}, data, { checkedAt: occurredAtOf(metadata), participants: { deputyIds: [], staff: [] } }) },
  ),
  CaseReferred: eventContract(z.strictObject({ agency: str, note: str.optional() })),
  AgencyReplied: eventContract(z.strictObject({ agency: str, reply: str })),
  ProgressNoted: eventContract(z.strictObject({ text: str })),
  CaseResolved: eventContract(z.strictObject({ outcome: z.enum(outcomes), summary: str })),
  CaseDeclined: eventContract(z.strictObject({ reason: str, redirectTo: str.optional() })),
  FeedbackGiven: eventContract(z.strictObject({ method: z.enum(feedbackMethods), summary: str })),
  /** The feedback of the case this one was merged into, recorded here so its constituent has it too. */
  FeedbackRelayed: eventContract(z.strictObject({ fromCaseId: str, method: z.enum(feedbackMethods), summary: str })),
  FollowUpRecorded: eventContract(
    z.strictObject({ resolved: z.boolean(), satisfaction: z.enum(satisfactions), comment: str.optional() }),
  ),
  /** `overrideReason`: why a supervisor closed a case whose follow-up was not good. */
  CaseClosed: eventContract(z.strictObject({ summary: str.optional(), overrideReason: str.optional() }), 2, {
    1: (data) => data,
  }),
  /** `replyDueBy`: the reopened matter's new reply deadline (null for v1 events); `plan`: its other deadlines (null before v3). */
  CaseReopened: eventContract(z.strictObject({ reason: str, replyDueBy: instant.nullable(), plan: deadlinePlanSchema.nullable() }), 3, {
    1: (data) => Object.assign({}, data, { replyDueBy: null }),
    2: (data) => Object.assign({}, data, { plan: null }),
  }),
  CaseWithdrawn: eventContract(z.strictObject({ reason: str.optional() })),
  CaseMerged: eventContract(z.strictObject({ intoCaseId: str })),
  /** Recorded on a merge's target: this case now answers for `caseId` too. */
  CaseAttached: eventContract(z.strictObject({ caseId: str })),
  /** The merged case recorded its merge: the attachment is complete. */
  CaseMergeConfirmed: eventContract(z.strictObject({ caseId: str })),
  /** A merge that could not complete takes its attachment back. */
  CaseDetached: eventContract(z.strictObject({ caseId: str, reason: str })),
  NoteAdded: eventContract(z.strictObject({ text: str })),
  /**
   * To whom (督办 goes to a person or an office), why, and by when (null for
   * v1 events and for Huiyin's own). `automatic`: Huiyin escalated by
   * itself, a deadline having passed unanswered for the policy's grace:
   * which one, by which policy, to which accounts (none named: the
   * supervisors of the case's area and the areas above it).
   */
  CaseEscalated: eventContract(
    z.strictObject({
      to: str.nullable(),
      reason: str,
      dueBy: instant.nullable(),
      automatic: z.strictObject({ ...deadline, policy: policyRefSchema, supervisorIds: ids }).nullable(),
    }),
    3,
    {
      1: (data) => Object.assign({}, data, { to: null, dueBy: null }),
      2: (data) => Object.assign({}, data, { automatic: null }),
    },
  ),
  /** The citizen pressed (催办) the matter through the online station, in their own words if any. */
  CasePressed: eventContract(z.strictObject({ comment: str.optional() })),
  /** Huiyin reminded whoever must answer a deadline that it nears. */
  ReminderSent: eventContract(z.strictObject({ ...deadline, to: timerRecipients })),
  /** A deadline passed unanswered. */
  CaseWentOverdue: eventContract(z.strictObject({ ...deadline, to: timerRecipients })),
} as const;

export type CaseEventType = keyof typeof caseEventContracts;
export const caseEventTypes = Object.keys(caseEventContracts) as CaseEventType[];

export type CaseEvent = {
  [K in CaseEventType]: { type: K; data: z.output<(typeof caseEventContracts)[K]['schema']> };
}[CaseEventType];

export type CaseEventOf<K extends CaseEventType> = Extract<CaseEvent, { type: K }>;
export type CaseEventData<K extends CaseEventType> = CaseEventOf<K>['data'];
