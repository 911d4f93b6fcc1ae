import { z } from 'zod';

/**
 * Times as stored and answered: ISO-8601 in UTC with `Z`. Events and
 * responses use this form only, so two times compare as strings.
 */
export const instant = z.iso.datetime();

/** Times a command may name: nothing a station records happened before 2000 or after 2100. */
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const LATEST = Date.parse('2100-01-01T00:00:00Z');

/** A time a client sends, with any offset; kept as the same instant in UTC. */
export const instantInput = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    const ms = Date.parse(value);
    return ms >= EARLIEST && ms < LATEST;
  }, 'must be between 2000 and 2100')
  .transform((value) => new Date(value).toISOString());

export const DAY_MS = 86_400_000;

/** China Standard Time is UTC+8 all year: stations count their days in it. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-time date of an instant, `2026-02-15`. */
export const chinaDateOf = (ms: number): string => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
