import { z } from 'zod';
import { eventContract } from './event-contract.js';
import { satisfactions } from './case/vocabulary.js';

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
