import { z } from 'zod';

/**
 * Times as stored and answered: ISO-8601 in UTC with `Z`. Events and
 * responses use this form only, so two times compare as strings.
 */
export const instant = z.iso.datetime();

/** A time a client sends, with any offset; kept as the same instant in UTC. */
export const instantInput = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

export const DAY_MS = 86_400_000;
