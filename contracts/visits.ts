import { z } from 'zod';
import { eventContract } from './event-contract.js';
import { categoryCode, receiveBody } from './case/commands.js';
import { satisfactions, urgencies } from './case/vocabulary.js';
import { pageOf, pageQuery } from './read-side.js';
import { distinctIds, id, line, text } from './text.js';
import { instantInput } from './time.js';

/**
 * A visit (one filled-in 人大代表接待选民登记表): stream `visit-<id>`. It
 * counts as one voter reception; each matter raised became a case
 * (`caseId`) or was answered on the spot (`answer`). The cases are opened
 * under ids derived from the visit, so the form is all or nothing: the
 * visit is recorded once, and every case it names follows from it.
 */
const str = z.string();
export const visitChannels = ['reception-day', 'home-visit'] as const;

const visitMatter = z.strictObject({
  summary: str,
  category: str,
  /** The case this matter became. */
  caseId: str.optional(),
  /** What the visitor was told on the spot, when nothing more was needed. */
  answer: str.optional(),
});

export const visitEventContracts = {
  VisitRegistered: eventContract(
    z.strictObject({
      visitId: str,
      stationId: str,
      areaCode: str,
      channel: z.enum(visitChannels),
      /** When the visit happened (ISO-8601 UTC). */
      receivedAt: str,
      /** The deputies who received the visitor. */
      deputyIds: z.array(str),
      visitor: z.strictObject({ name: str, phone: str.optional(), address: str.optional() }),
      matters: z.array(visitMatter),
      notes: str.optional(),
    }),
  ),
  VisitSatisfactionRecorded: eventContract(
    z.strictObject({ visitId: str, satisfaction: z.enum(satisfactions), comment: str.optional() }),
  ),
} as const;
export type VisitEventType = keyof typeof visitEventContracts;
export type VisitEvent = {
  [K in VisitEventType]: { type: K; data: z.output<(typeof visitEventContracts)[K]['schema']> };
}[VisitEventType];

/** `POST /api/visits`: one filled-in form, all or nothing. */
export const visitBody = z.strictObject({
  channel: z.enum(visitChannels).default('reception-day'),
  stationId: id,
  /** When the visit happened: at most 30 days back, not in the future. Defaults to now. */
  receivedAt: instantInput.optional(),
  /** The deputies who received the visitor. */
  deputyIds: distinctIds(20, 'deputy ids'),
  visitor: receiveBody.shape.constituent,
  /** Each matter raised: a case unless `answer` says it was answered on the spot. */
  matters: z
    .array(
      z.strictObject({
        category: categoryCode,
        summary: text(2000),
        urgency: z.enum(urgencies).optional(),
        location: line(500).optional(),
        answer: text(2000).optional(),
      }),
    )
    .max(20)
    .default([]),
  notes: text(4000).optional(),
});
export type VisitBody = z.output<typeof visitBody>;

export const satisfactionBody = z.strictObject({ satisfaction: z.enum(satisfactions), comment: text(2000).optional() });

export const visitsQuery = pageQuery
  .extend({
    station: id.optional(),
    /** A day in China (YYYY-MM-DD). */
    date: z.iso.date().optional(),
  })
  .strict();

export const visitView = z.object({
  id: z.string(),
  stationId: z.string(),
  areaCode: z.string(),
  channel: z.enum(visitChannels),
  receivedAt: z.string(),
  deputyIds: z.array(z.string()),
  visitor: z.object({ name: z.string(), phone: z.string().optional(), address: z.string().optional() }),
  matters: z.array(
    z.object({
      summary: z.string(),
      category: z.string(),
      caseId: z.string().nullable(),
      trackingCode: z.string().nullable(),
      answer: z.string().nullable(),
    }),
  ),
  notes: z.string().nullable(),
  satisfaction: z.enum(satisfactions).nullable(),
  recordedAt: z.string(),
  revision: z.number().int(),
  position: z.number().int().optional(),
});
export type VisitView = z.infer<typeof visitView>;
export const visitPage = pageOf(visitView.omit({ revision: true, position: true }));
