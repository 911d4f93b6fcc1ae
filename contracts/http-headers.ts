import { z } from 'zod';

/**
 * The headers every write accepts. An Idempotency-Key is scoped by user into
 * the command id (hashed with the user, so its length does not matter there);
 * If-Match takes the ETag as given (`"3"`, or weak `W/"3"`), or `*`, which
 * only asks that the target exists. Loose: other headers pass untouched.
 */
export const commandHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[\x20-\x7E]{1,128}$/, 'printable ASCII, at most 128 characters')
    .optional(),
  /** Becomes the command's correlation id, hence the same limit (empty: one is made up). */
  'x-request-id': z.string().max(200).optional(),
  'if-match': z
    .string()
    .regex(/^(?:W\/)?"\d{1,15}"$|^\*$/, 'an entity tag as given by ETag, e.g. "3"')
    .optional(),
});

/** The revision an If-Match header pins, if any (`*` pins none). */
export function ifMatchRevision(header: string | undefined): number | undefined {
  const quoted = header ? /"(\d+)"/.exec(header) : null;
  return quoted ? Number(quoted[1]) : undefined;
}
