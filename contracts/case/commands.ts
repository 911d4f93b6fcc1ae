import { z } from 'zod';
import { areaCodeSchema } from '../area.js';
import { distinctIds, id, line, text } from '../text.js';
import { instantInput } from '../time.js';
import { timerCommandData } from './timers.js';
import { channels, feedbackMethods, outcomes, satisfactions, urgencies } from './vocabulary.js';

/**
 * What each case command carries: the request bodies of the case API.
 * Objects are strict: an unknown field is an error, never silently dropped,
 * so a client learns of its typo at once. Events are declared apart, in
 * `events.ts`; the decider maps one onto the other.
 */
export const categoryCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a category code from GET /api/categories');

/** What the reception form (人大代表接待选民登记表) records when a station opens a case. */
export const receiveBody = z.strictObject({
  channel: z.enum(channels),
  stationId: id,
  category: categoryCode,
  summary: text(2000),
  constituent: z.strictObject({
    name: line(100),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 -]{4,19}$/, 'a phone number of digits, spaces or dashes')
      .optional(),
    /** The visitor's village (村/组) or street address. */
    address: line(300).optional(),
  }),
  location: z
    .strictObject({
      description: line(500).optional(),
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
    })
    .optional(),
  /** Defaults to the category's urgency. */
  urgency: z.enum(urgencies).optional(),
  /** When the visit happened: at most 30 days back, not in the future. Defaults to now. */
  receivedAt: instantInput.optional(),
  /** The deputies who received the visitor. */
  receptionDeputyIds: z.array(id).max(20).refine((ids) => new Set(ids).size === ids.length, 'deputy ids must not repeat').optional(),
});
export type ReceiveBody = z.output<typeof receiveBody>;

/** The receive command: the body with what the service looked up in the directory. */
export const receiveData = receiveBody.extend({
  areaCode: areaCodeSchema,
  categoryName: line(100),
  urgency: z.enum(urgencies),
});

const deputyIds = distinctIds(20, 'deputy ids');

/** Bodies of the actions a person takes on a case (`POST /api/cases/{id}/{action}`). */
export const caseActionBodies = {
  accept: z.strictObject({ note: text(2000).optional() }),
  assign: z.strictObject({ deputyIds }),
  reassign: z.strictObject({ deputyIds, reason: text(2000).optional() }),
  acknowledge: z.strictObject({}),
  'schedule-site-check': z.strictObject({ at: instantInput }),
  'complete-site-check': z.strictObject({
    findings: text(4000),
    /** When the check happened; defaults to now. */
    checkedAt: instantInput.optional(),
    /** Everyone who went: deputies by id, staff by name. At least one in all. */
    participants: z.strictObject({
      deputyIds: z.array(id).max(20).default([]),
      staff: z.array(line(100)).max(20).default([]),
    }),
  }),
  refer: z.strictObject({ agency: line(200), note: text(2000).optional() }),
  'record-agency-reply': z.strictObject({ agency: line(200), reply: text(4000) }),
  'note-progress': z.strictObject({ text: text(4000) }),
  resolve: z.strictObject({ outcome: z.enum(outcomes), summary: text(4000) }),
  decline: z.strictObject({ reason: text(2000), redirectTo: line(200).optional() }),
  'give-feedback': z.strictObject({ method: z.enum(feedbackMethods), summary: text(4000) }),
  'record-follow-up': z.strictObject({
    resolved: z.boolean(),
    satisfaction: z.enum(satisfactions),
    comment: text(2000).optional(),
  }),
  /** `reason`: needed when a supervisor closes a case whose follow-up was not good. */
  close: z.strictObject({ summary: text(2000).optional(), reason: text(2000).optional() }),
  reopen: z.strictObject({ reason: text(2000) }),
  withdraw: z.strictObject({ reason: text(2000).optional() }),
  merge: z.strictObject({ intoCaseId: id }),
  'add-note': z.strictObject({ text: text(4000) }),
  /** 督办: to whom, why, and by when the matter must be dealt with. */
  escalate: z.strictObject({ to: line(200), reason: text(2000), dueBy: instantInput }),
} as const;

/**
 * Commands the case service issues itself while carrying out a merge or a
 * feedback, and those the scheduler issues when a deadline nears or
 * passes; they are never HTTP actions and never listed as allowed actions.
 */
export const caseInternalCommandData = {
  attach: z.strictObject({ caseId: id }),
  'confirm-merge': z.strictObject({ caseId: id }),
  detach: z.strictObject({ caseId: id, reason: text(2000) }),
  'relay-feedback': z.strictObject({ fromCaseId: id, method: z.enum(feedbackMethods), summary: text(4000) }),
  /** The scheduler's firings (as the `system` actor): whom to tell and why comes from the case itself. */
  remind: timerCommandData,
  'mark-overdue': timerCommandData,
  'escalate-overdue': timerCommandData,
  /** A citizen presses (催办) their open matter through the online station, at most once a day. */
  press: z.strictObject({ comment: text(500).optional() }),
} as const;

export const caseCommandData = { receive: receiveData, ...caseActionBodies, ...caseInternalCommandData } as const;

export type CaseCommandType = keyof typeof caseCommandData;
export type CaseAction = keyof typeof caseActionBodies;
export const caseActions = Object.keys(caseActionBodies) as CaseAction[];
export const caseCommandTypes = Object.keys(caseCommandData) as CaseCommandType[];

export type CaseCommand = {
  [K in CaseCommandType]: { type: K; data: z.output<(typeof caseCommandData)[K]> };
}[CaseCommandType];

export type CaseCommandOf<K extends CaseCommandType> = Extract<CaseCommand, { type: K }>;
