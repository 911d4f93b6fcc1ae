import { HuiyinError } from '../../contracts/errors.js';

/** Cursors are opaque to clients: base64url of the sort key of the last item seen. */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key in `cursor`, or undefined when it is not one this service made. */
export function decodeCursor(cursor: string): (string | number | null)[] | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) && key.every((part) => part === null || typeof part === 'string' || typeof part === 'number')
      ? (key as (string | number | null)[])
      : undefined;
  } catch {
    return undefined;
  }
}

const fitsPart: Record<'s' | 'n' | 'bit', (part: string | number | null) => boolean> = {
  s: (part) => typeof part === 'string',
  n: (part) => typeof part === 'number',
  bit: (part) => part === 0 || part === 1,
};

/**
 * A list's cursor as its sort key, checked against the shape the list's
 * keys have ('s' string, 'n' number, 'bit' 0 or 1); a 400 problem if it is not one.
 */
export function cursorKey(cursor: string | undefined, shape: readonly ('s' | 'n' | 'bit')[]): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(cursor);
  const fits = key?.length === shape.length && key.every((part, i) => fitsPart[shape[i]!](part));
  if (!fits) {
    throw new HuiyinError('HTTP.BAD_REQUEST', 'invalid query: cursor', {
      errors: [{ in: 'query', path: 'cursor', message: 'not a cursor of this list: pass nextCursor as it came' }],
    });
  }
  return key as (string | number)[];
}
