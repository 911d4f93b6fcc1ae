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
