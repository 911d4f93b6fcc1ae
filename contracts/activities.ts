import { z } from 'zod';
import { areaCodeSchema, areaPrefix } from './area.js';
import { dayOrInstant } from './diary.js';
import { eventContract } from './event-contract.js';
import { readQuery } from './read-side.js';
import { distinctIds, id, line, text } from './text.js';
import { instantInput } from './time.js';

/**
 * A deputies' activity (代表活动): contact with constituents, an inspection
 * or research visit, a study session, or a report-back to voters (述职).
 * Stream `activity-<id>`. It is announced beforehand (and then held or
 * called off), or recorded afterwards as held. A held activity is what the
 * 三个一 count: every activity a quarter, a report-back a year, and one of
 * kind `contact` as a month's contact too.
 */
export const activityKinds = ['contact', 'inspection', 'study', 'report-back'] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityStatuses = ['announced', 'held', 'cancelled'] as const;

/**
 * Events, declared on their own. ActivityHeld carries the whole record (the
 * kind, title, place and area again), because one recorded afterwards has
 * no announcement before it, and a read model should never need to look back.
 */
const str = z.string();
const kind = z.enum(activityKinds);
export const activityEventContracts = {
  ActivityAnnounced: eventContract(
    z.strictObject({
      activityId: str,
      kind,
      title: str,
      /** ISO-8601 UTC. */
      startsAt: str,
      endsAt: str.optional(),
      place: str,
      areaCode: str,
      stationId: str.optional(),
      /** The deputies expected to take part. */
      deputyIds: z.array(str),
      summary: str.optional(),
    }),
  ),
  ActivityHeld: eventContract(
    z.strictObject({
      activityId: str,
      kind,
      title: str,
      place: str,
      areaCode: str,
      stationId: str.optional(),
      /** When it took place (ISO-8601 UTC). */
      heldAt: str,
      /** The deputies who took part. */
      deputyIds: z.array(str),
      /** How many constituents came. */
      attendance: z.number(),
      summary: str,
    }),
  ),
  ActivityCancelled: eventContract(z.strictObject({ activityId: str, reason: str })),
} as const;
export type ActivityEventType = keyof typeof activityEventContracts;
export type ActivityEvent = {
  [K in ActivityEventType]: { type: K; data: z.output<(typeof activityEventContracts)[K]['schema']> };
}[ActivityEventType];

/** Request bodies (strict: a typo is a 400, never dropped). */
const where = {
  kind,
  title: line(100),
  place: line(200),
  /** The activity's area; may be left out when a station is given (it is then the station's). */
  areaCode: areaCodeSchema.optional(),
  stationId: id.optional(),
  deputyIds: distinctIds(50, 'deputy ids'),
};
const attendance = z.number().int().min(0).max(1_000_000);

/** `POST /api/activities`: announce one (`status: announced`) or record one already held (`status: held`). */
export const newActivityBody = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('announced'),
    ...where,
    startsAt: instantInput,
    endsAt: instantInput.optional(),
    summary: text(2000).optional(),
  }),
  z.strictObject({ status: z.literal('held'), ...where, heldAt: instantInput, attendance, summary: text(2000) }),
]);
export type NewActivityBody = z.output<typeof newActivityBody>;

/** `POST /api/activities/{id}/hold`: when (default: the announced start) and who took part (default: those announced). */
export const holdActivityBody = z.strictObject({
  heldAt: instantInput.optional(),
  deputyIds: distinctIds(50, 'deputy ids').optional(),
  attendance,
  summary: text(2000),
});
export const cancelActivityBody = z.strictObject({ reason: text(500) });

export const activityActions = ['hold', 'cancel'] as const;
export type ActivityAction = (typeof activityActions)[number];

export const activityIdParams = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'an activity id').describe('an activity id'),
});

/** An activity as the staff and deputies read it. */
export const activityViewSchema = z.object({
  id: z.string(),
  revision: z.number().int(),
  status: z.enum(activityStatuses),
  kind,
  title: z.string(),
  place: z.string(),
  areaCode: z.string(),
  stationId: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  heldAt: z.string().nullable(),
  deputyIds: z.array(z.string()),
  attendance: z.number().nullable(),
  summary: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** The actions the caller may take now. */
  allowedActions: z.array(z.enum(activityActions)),
  /** The log position of the command that answered (for minPosition); absent on a read. */
  position: z.number().int().optional(),
});
export type ActivityView = z.infer<typeof activityViewSchema>;

/** `GET /api/activities`: an area and its areas below; a stretch of time (a date is that day in China). */
export const activityListQuery = z.strictObject({
  ...readQuery.shape,
  area: areaPrefix.optional(),
  from: dayOrInstant(false).optional().describe('activities at or after (a China-time date or an instant)'),
  to: dayOrInstant(true).optional().describe('activities before (a date: that whole day included)'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const activityListSchema = z.object({ items: z.array(activityViewSchema.omit({ allowedActions: true, revision: true, position: true })) });

/** `GET /api/public/activities`: what the online station shows; deputies by name, nothing else personal. */
export const publicActivityQuery = z.strictObject({ area: areaPrefix.optional() });
export const publicActivitySchema = z.object({
  id: z.string(),
  kind,
  title: z.string(),
  place: z.string(),
  areaCode: z.string(),
  stationId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  summary: z.string().nullable(),
  deputies: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const publicActivityList = z.object({ items: z.array(publicActivitySchema) });

/**
 * The workflow's commands: the bodies as the service completes them (the
 * area settled from the station, defaults filled in from the announcement
 * by the decider).
 */
const placed = { ...where, areaCode: areaCodeSchema };
export const activityCommandData = {
  announce: z.strictObject({ ...placed, startsAt: instantInput, endsAt: instantInput.optional(), summary: text(2000).optional() }),
  record: z.strictObject({ ...placed, heldAt: instantInput, attendance, summary: text(2000) }),
  hold: holdActivityBody,
  cancel: cancelActivityBody,
};
export type ActivityCommand = { [K in keyof typeof activityCommandData]: { type: K; data: z.output<(typeof activityCommandData)[K]> } }[keyof typeof activityCommandData];
