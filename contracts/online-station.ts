import { z } from 'zod';
import { categoryCode } from './case/commands.js';
import { rateSchema } from './dashboard.js';
import { feedbackMethods, statusGroups } from './case/vocabulary.js';
import { entryId } from './ids.js';
import { line, text } from './text.js';

/**
 * The online station (网上联络站): what a citizen sends and reads without
 * signing in. Every answer here is a public view, declared field by field
 * and used as the routes' response schema, so nothing else of a case (a
 * name, a phone, a note, who on the staff did what) can leave by it.
 */
const phone = z.string().regex(/^\+?[0-9][0-9 -]{4,19}$/, 'a phone number of digits, spaces or dashes');

/** A message for a deputy or a station: it becomes a case with channel `online-message`. */
export const publicMessageBody = z
  .strictObject({
    stationId: entryId.optional(),
    deputyId: entryId.optional(),
    summary: text(2000),
    name: line(100),
    /** Needed: the matter is tracked with its last four digits, and the station calls back. */
    phone,
    /** A code from GET /api/categories?area=; without one the station sorts it (its area's `other`). */
    category: categoryCode.optional(),
    /** Where the matter is, in words. */
    location: line(500).optional(),
  })
  .refine((body) => (body.stationId === undefined) !== (body.deputyId === undefined), {
    path: ['stationId'],
    message: 'give either stationId or deputyId, not both',
  });
export type PublicMessageBody = z.output<typeof publicMessageBody>;

/** The tracking code as printed (XXXX-XXXX; lower case taken). */
export const trackingCodeSchema = z
  .string()
  .regex(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/i, 'XXXX-XXXX, as printed on the receipt')
  .transform((code) => code.toUpperCase());
export const trackParams = z.strictObject({ trackingCode: trackingCodeSchema });
export const trackQuery = z.strictObject({ phone4: z.string().regex(/^[0-9]{4}$/, 'the last four digits of the phone number given') });
export const pressBody = z.strictObject({ comment: text(500).optional() });

/** What the citizen was told, and when: the replies a station gives are for the citizen to read. */
const reply = z.object({ at: z.string(), method: z.enum(feedbackMethods), summary: z.string() });

/** A matter as its citizen may read it (`GET /api/public/track/{code}`). */
export const publicCaseView = z.object({
  trackingCode: z.string(),
  statusGroup: z.enum(statusGroups),
  /** In words, in Chinese: 已受理、办理中、已答复、已办结. */
  statusText: z.string(),
  stationName: z.string(),
  categoryName: z.string(),
  receivedAt: z.string(),
  /** When a first reply is due (the station's deadline). */
  replyDueBy: z.string(),
  /** When the station first acknowledged the matter, if it has. */
  acknowledgedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  replies: z.array(reply),
  /** The citizen may press (催办) an open matter once a day. */
  pressCount: z.number().int(),
  lastPressedAt: z.string().nullable(),
  canPress: z.boolean(),
});
export type PublicCaseView = z.infer<typeof publicCaseView>;

/** The answer to a message: how to follow it, and nothing the citizen did not already know. */
export const messageAccepted = z.object({
  trackingCode: z.string(),
  stationName: z.string(),
  receivedAt: z.string(),
  replyDueBy: z.string(),
  /** True: the same message from the same client within a minute, answered with the first one's code. */
  repeated: z.boolean(),
});

export const publicStationParams = z.strictObject({ id: entryId });

/** A station's public figures: counts and rates only, never a person. */
export const publicStationFigures = z.object({
  stationId: z.string(),
  name: z.string(),
  kind: z.string(),
  areaCode: z.string(),
  address: z.string(),
  /** Voters received in person (each registered visit once), since the station began. */
  receptionsHeld: z.number().int(),
  /** Every matter raised with the station, and those whose citizen had an answer (on the spot included). */
  mattersReceived: z.number().int(),
  mattersAnswered: z.number().int(),
  /** The three rates over the last twelve months, each with its numerator, denominator and formula. */
  rates: z.object({ response: rateSchema, resolution: rateSchema, satisfaction: rateSchema }),
  ratesPeriod: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
});
