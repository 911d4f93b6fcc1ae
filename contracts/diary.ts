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

/**
 * A bare date (that day in China) or an instant with any offset; the day's
 * start (or, with `endOfDay`, the next day's start), or the instant, in UTC.
 */
export const dayOrInstant = (endOfDay: boolean) =>
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

/**
 * Why an entry is in this deputy's diary: they acted, received the visitor,
 * were assigned, went on the site check, or took part (an appointment, an
 * activity held or announced).
 */
export const diaryRoles = ['actor', 'reception', 'assigned', 'site-check', 'participant'] as const;
export type DiaryRole = (typeof diaryRoles)[number];

/** What an entry is about: a case, a visit (the registration form), an appointment or an activity. */
export const diaryKinds = ['case', 'visit', 'appointment', 'activity'] as const;
export type DiaryKind = (typeof diaryKinds)[number];

/** The events of visits, appointments and activities a diary keeps; an announced activity is an entry until held or called off. */
export const diaryWorkEventTypes = ['VisitRegistered', 'AppointmentHeld', 'ActivityAnnounced', 'ActivityHeld'] as const;

export const diaryEntrySchema = z.object({
  /** When it happened, or for an announced activity when it is to start (ISO-8601 UTC). */
  at: z.string(),
  kind: z.enum(diaryKinds),
  /** The id of the case, visit, appointment or activity. */
  refId: z.string(),
  /** Case entries only. */
  caseId: z.string().optional(),
  trackingCode: z.string().optional(),
  type: z.enum([...caseEventTypes, ...diaryWorkEventTypes] as readonly string[] as [string, ...string[]]),
  role: z.enum(diaryRoles),
  /** A sentence in the language asked for (Accept-Language: en, else Chinese). */
  text: z.string(),
});
export type DiaryEntry = z.infer<typeof diaryEntrySchema>;

export const diaryPage = pageOf(diaryEntrySchema);

export const diaryLanguages = ['zh', 'en'] as const;
export type DiaryLanguage = (typeof diaryLanguages)[number];
