/**
 * What a person typed into the audit search, read as one of three things:
 * a case id (a UUID), a tracking code (XXXX-XXXX, the citizen's receipt),
 * or words to look for in the cases' text.
 */
export type FindQuery = { kind: 'id'; id: string } | { kind: 'tracking'; code: string } | { kind: 'words'; q: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRACKING = /^[2-9A-HJ-NP-Z]{4}-?[2-9A-HJ-NP-Z]{4}$/i;

export function readFindQuery(input: string): FindQuery {
  const text = input.trim();
  if (UUID.test(text)) return { kind: 'id', id: text.toLowerCase() };
  if (TRACKING.test(text)) {
    const plain = text.replace('-', '').toUpperCase();
    return { kind: 'tracking', code: `${plain.slice(0, 4)}-${plain.slice(4)}` };
  }
  return { kind: 'words', q: text };
}
