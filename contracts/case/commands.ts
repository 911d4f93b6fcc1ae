import { z } from 'zod';

/**
 * What each case command carries. Objects are strict: an unknown field is an
 * error, never silently dropped, so a client learns of its typo at once.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().trim().min(1).max(128);

export const channels = ['reception-day', 'home-visit', 'online-message', 'appointment', 'hotline'] as const;
export const urgencies = ['emergency', 'urgent', 'normal', 'complex'] as const;
export const outcomes = ['done', 'partly', 'explained'] as const;
export const feedbackMethods = ['in-person', 'phone', 'sms', 'online'] as const;
export const satisfactions = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;

/** What a station sends to open a case. */
export const receiveBody = z.strictObject({
  channel: z.enum(channels),
  stationId: id,
  category: text(100),
  summary: text(2000),
  constituent: z.strictObject({
    name: text(100),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 -]{4,19}$/, 'a phone number of digits, spaces or dashes')
      .optional(),
  }),
  location: z
    .strictObject({
      description: text(500).optional(),
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
    })
    .optional(),
  urgency: z.enum(urgencies),
});

/** A 6-digit county code, optionally with 3-digit township and village parts. */
export const areaCodeSchema = z.string().regex(/^[0-9]{6}(?:[0-9]{3}){0,2}$/, '6, 9 or 12 digits');

/** The receive command: the body plus the station's area, looked up by the service. */
export const receiveData = receiveBody.extend({ areaCode: areaCodeSchema });

const deputyIds = z
  .array(id)
  .min(1)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, 'deputy ids must not repeat');

export const caseCommandData = {
  receive: receiveData,
  accept: z.strictObject({ note: text(2000).optional() }),
  assign: z.strictObject({ deputyIds }),
  reassign: z.strictObject({ deputyIds, reason: text(2000).optional() }),
  acknowledge: z.strictObject({}),
  'schedule-site-check': z.strictObject({ at: z.iso.datetime({ offset: true }) }),
  'complete-site-check': z.strictObject({ findings: text(4000) }),
  refer: z.strictObject({ agency: text(200), note: text(2000).optional() }),
  'record-agency-reply': z.strictObject({ agency: text(200), reply: text(4000) }),
  'note-progress': z.strictObject({ text: text(4000) }),
  resolve: z.strictObject({ outcome: z.enum(outcomes), summary: text(4000) }),
  decline: z.strictObject({ reason: text(2000), redirectTo: text(200).optional() }),
  'give-feedback': z.strictObject({ method: z.enum(feedbackMethods), summary: text(4000) }),
  'record-follow-up': z.strictObject({
    resolved: z.boolean(),
    satisfaction: z.enum(satisfactions),
    comment: text(2000).optional(),
  }),
  close: z.strictObject({ summary: text(2000).optional() }),
  reopen: z.strictObject({ reason: text(2000) }),
  withdraw: z.strictObject({ reason: text(2000).optional() }),
  merge: z.strictObject({ intoCaseId: id }),
  'add-note': z.strictObject({ text: text(4000) }),
  escalate: z.strictObject({ reason: text(2000) }),
} as const;

export type CaseCommandType = keyof typeof caseCommandData;
export const caseCommandTypes = Object.keys(caseCommandData) as CaseCommandType[];

export type CaseCommand = {
  [K in CaseCommandType]: { type: K; data: z.infer<(typeof caseCommandData)[K]> };
}[CaseCommandType];

export type CaseCommandOf<K extends CaseCommandType> = Extract<CaseCommand, { type: K }>;
