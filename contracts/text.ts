import { z } from 'zod';

/**
 * Text a person typed and another person will read. Leading and trailing
 * whitespace and zero-width characters are trimmed, and what is left must
 * not be empty; control characters are refused (newline and tab only in
 * multi-line text), and so are the bidirectional overrides that make text
 * read differently from how it is stored.
 */
const EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS_EXCEPT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS_EXCEPT_TAB = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/;
const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/;

const readable = (max: number, controls: RegExp, what: string) =>
  z
    .string()
    .transform((value) => value.replace(EDGES, ''))
    .pipe(
      z
        .string()
        .min(1, 'must not be empty or only spaces')
        .max(max)
        .refine((value) => !controls.test(value), `must not contain control characters${what}`)
        .refine((value) => !BIDI_OVERRIDES.test(value), 'must not contain bidirectional override characters'),
    );

/** Multi-line text (a summary, findings, a note): newlines and tabs allowed. */
export const text = (max: number) => readable(max, CONTROLS_EXCEPT_NEWLINE_AND_TAB, ' other than newline and tab');

/** One line (a name, an address, an agency): no newlines. */
export const line = (max: number) => readable(max, CONTROLS_EXCEPT_TAB, ' or line breaks');

/** An identifier a client chose or was given (a deputy, a station, a case). */
export const id = line(128);

/** Ids listed once each, at least one. */
export const distinctIds = (max: number, what: string) =>
  z
    .array(id)
    .min(1)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, `${what} must not repeat`);
