import { z } from 'zod';
import { caseEventTypes } from './case/events.js';
import { pageOf, pageQuery } from './read-side.js';

/**
 * The deputy's duty diary (履职日记): everything a deputy did or took part
 * in, each entry a sentence a person reads, so the reception form is never
 * typed in twice.
 */

/** Diaries are kept in the stations' own time: a bare date is a day in China (UTC+8, no daylight saving). */
export const DIARY_UTC_OFFSET = '+08:00';

const bareDate = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });

/** A bare date (that day in China) or an instant with any offset; the day's start, or the instant, in UTC. */
const dayOrInstant = (endOfDay: boolean) =>
  z.union([bareDate, dateTime]).transform((value) => {
    if (value.length > 10) return new Date(value).toISOString();
    const start = Date.parse(`${value}T00:00:00${DIARY_UTC_OFFSET}`);
    // `to=2026-03-31` means the whole of that day.
    return new Date(endOfDay ? start + 86_400_000 : start).toISOString();
  });

export const diaryQuery = z
  .strictObject({
    ...pageQuery.shape,
    from: dayOrInstant(false).optional().describe('entries at or after: a date (China time) or an ISO-8601 instant'),
    to: dayOrInstant(true).optional().describe('entries before: an instant, or a date (that whole day included)'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { path: ['to'], message: 'must be after from' });
export type DiaryQuery = z.output<typeof diaryQuery>;

/** Why an entry is in this deputy's diary. */
export const diaryRoles = ['actor', 'reception', 'assigned', 'site-check'] as const;
export type DiaryRole = (typeof diaryRoles)[number];

export const diaryEntrySchema = z.object({
  /** When it happened (ISO-8601 UTC). */
  at: z.string(),
  caseId: z.string(),
  trackingCode: z.string(),
  type: z.enum(caseEventTypes as [string, ...string[]]),
  role: z.enum(diaryRoles),
  /** A sentence in the language asked for (Accept-Language: en, else Chinese). */
  text: z.string(),
});
export type DiaryEntry = z.infer<typeof diaryEntrySchema>;

export const diaryPage = pageOf(diaryEntrySchema);

export const diaryLanguages = ['zh', 'en'] as const;
export type DiaryLanguage = (typeof diaryLanguages)[number];
