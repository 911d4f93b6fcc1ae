import { z } from 'zod';
import { areaPrefix } from '../area.js';
import { pageOf, pageQuery } from '../read-side.js';
import { instantInput } from '../time.js';
import { caseStatuses, channels, statusGroups, urgencies } from './vocabulary.js';

/**
 * The case lists (`GET /api/cases`, `GET /api/me/cases`): one item per case
 * and the filters a list takes. Used as the routes' schemas, so a list never
 * carries more of a case than declared here (no constituent, no phone).
 */
export const caseListItemSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: z.enum(caseStatuses),
  group: z.enum(statusGroups),
  stationId: z.string(),
  areaCode: z.string(),
  category: z.string(),
  channel: z.enum(channels),
  urgency: z.enum(urgencies),
  summary: z.string(),
  receivedAt: z.string(),
  lastActivityAt: z.string(),
  /** The reply deadline of the current round (a reopening starts a new one). */
  replyDueBy: z.string(),
  /** The deadline has passed (by the clock when asked) and no reply came before it. */
  overdue: z.boolean(),
  escalated: z.boolean(),
  /** How often the citizen pressed (催办) the matter through the online station, and when last. */
  pressCount: z.number().int(),
  lastPressedAt: z.string().nullable(),
  deputyIds: z.array(z.string()),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export const caseListPage = pageOf(caseListItemSchema);

/** What a list is ordered by: when received, when last touched, or when a reply is due. */
export const caseListSorts = ['received', 'activity', 'due'] as const;
export type CaseListSort = (typeof caseListSorts)[number];

/** `a,b` or `?x=a&x=b`: one or more values, each checked. */
const oneOrMore = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',') : value), z.array(item).min(1).max(50));
const id = z.string().min(1).max(128);
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
/** Two or more characters of text that has something to search for (letters, digits or Chinese). */
const searchText = z
  .string()
  .max(200)
  .refine((text) => /[\p{L}\p{N}]/u.test(text), 'nothing to search for: give letters, digits or Chinese characters');

export const caseListFilterShape = {
  status: oneOrMore(z.enum(caseStatuses)).optional(),
  group: z.enum(statusGroups).optional(),
  station: oneOrMore(id).optional(),
  /** That area and every area below it (an area-code prefix). */
  area: areaPrefix.optional(),
  /** Cases assigned to this deputy. */
  deputy: id.optional(),
  category: oneOrMore(id).optional(),
  channel: oneOrMore(z.enum(channels)).optional(),
  urgency: oneOrMore(z.enum(urgencies)).optional(),
  escalated: flag.optional(),
  overdue: flag.optional(),
  /** Pressed (催办) by the citizen at least once. */
  pressed: flag.optional(),
  /** Received at or after this time. */
  receivedFrom: instantInput.optional(),
  /** Received before this time. */
  receivedTo: instantInput.optional(),
  trackingCode: z
    .string()
    .regex(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/i, 'XXXX-XXXX')
    .transform((code) => code.toUpperCase())
    .optional(),
  /** Words searched in the summary, the location and the notes (Chinese or English). */
  q: searchText.optional(),
};

export const caseListQuery = pageQuery
  .extend({
    ...caseListFilterShape,
    sort: z.enum(caseListSorts).default('received'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict()
  .refine((query) => !query.receivedFrom || !query.receivedTo || query.receivedFrom < query.receivedTo, {
    path: ['receivedTo'],
    message: 'must be later than receivedFrom',
  });
export type CaseListQuery = z.output<typeof caseListQuery>;

/** The list's filters alone, as a read model applies them. */
export type CaseListFilters = Omit<CaseListQuery, 'limit' | 'cursor' | 'minPosition' | 'sort' | 'order'>;

/** `GET /api/me/cases` orders by itself (most urgent, then oldest) and takes only a page. */
export const myCasesQuery = pageQuery.strict();
export type MyCasesQuery = z.output<typeof myCasesQuery>;
