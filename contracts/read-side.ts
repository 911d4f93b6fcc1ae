import { z } from 'zod';

/**
 * What every read endpoint shares: read-your-writes and cursor paging.
 * `minPosition` is the `position` a command answered; the read waits (about
 * 2 s at most) for the read model to include it, else answers 503 with
 * Retry-After.
 */
export const readQuery = z.object({
  minPosition: z.coerce.number().int().min(0).optional().describe('a position a command answered: the read waits until it shows'),
});

export const MAX_PAGE = 200;

/** `limit` and an opaque `cursor` from the previous page's `nextCursor`. */
export const pageQuery = readQuery.extend({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  cursor: z.string().min(1).max(512).optional().describe('nextCursor of the page before'),
});

/** A page of a list: `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
