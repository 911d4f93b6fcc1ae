import { z } from 'zod';

/** Text a person typed: trimmed, never empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** An identifier a client chose or was given (a deputy, a station, a case). */
export const id = z.string().trim().min(1).max(128);

/** Ids listed once each, at least one. */
export const distinctIds = (max: number, what: string) =>
  z
    .array(id)
    .min(1)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, `${what} must not repeat`);
