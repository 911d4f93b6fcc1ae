import type { HistoryEvent } from '../../../../../../contracts/history';

/**
 * The hash chain of a case, checked again here, in the reader's own browser,
 * so an auditor need not take the server's word for it.
 *
 * What the server hashes for each event (workflows/engine/hash-chain.ts):
 * SHA-256 over the canonical JSON of
 *   { streamName, revision, type, data, metadata without `hash` }
 * where canonical JSON is JSON with every object's keys in one fixed order
 * (array-index-like keys first by value, the rest in code-unit order) and
 * the metadata carries `prevHash`, the hash of the event before (64 zeros
 * for the first). The history answer carries all of this, the stream's
 * name included (`case-<case id>`, as the engine forms it).
 */
export const GENESIS_HASH = '0'.repeat(64);

export const streamNameOfCase = (caseId: string): string => `case-${caseId}`;

const isIndexKey = (key: string): boolean => /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) <= 4294967294;

function orderedKeys(value: Record<string, unknown>): string[] {
  const keys = Object.keys(value).filter((key) => key !== '__proto__');
  const indices = keys.filter(isIndexKey).sort((a, b) => Number(a) - Number(b));
  // Plain `<` on strings is code-unit order, the order the server sorts in.
  const rest = keys.filter((key) => !isIndexKey(key)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...indices, ...rest];
}

/** Canonical JSON of a value parsed from JSON (objects, arrays, strings, numbers, booleans, null). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts = orderedKeys(record)
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${parts.join(',')}}`;
}

/** The exact text the server hashed for one event. */
export function hashedText(streamName: string, event: HistoryEvent): string {
  const { hash: _stored, ...metadata } = event.metadata;
  return canonicalJson({ streamName, revision: event.revision, type: event.type, data: event.data, metadata });
}

/** SHA-256 as lowercase hex, by WebCrypto (in the browser and in Node alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type LinkProblem = 'hash-missing' | 'content-changed' | 'link-broken' | 'order-broken';

export interface LinkCheck {
  revision: number;
  storedHash: string | undefined;
  computedHash: string;
  ok: boolean;
  /** Why not, when not ok. */
  problem?: LinkProblem;
}

export interface ChainCheck {
  ok: boolean;
  events: number;
  links: LinkCheck[];
  /** The revision of the first event that fails. */
  brokenAt?: number;
}

/**
 * Recomputes every event's hash and checks each points at the one before,
 * and that revisions run 0, 1, 2… with none missing. Every event gets its
 * own verdict (a later event can be sound in itself after a broken one).
 */
export async function verifyChain(streamName: string, events: readonly HistoryEvent[], digest = sha256Hex): Promise<ChainCheck> {
  const links: LinkCheck[] = [];
  let previous: string | undefined = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const stored = typeof event.metadata.hash === 'string' ? event.metadata.hash : undefined;
    const computedHash = await digest(hashedText(streamName, event));
    let problem: LinkProblem | undefined;
    if (event.revision !== index) problem = 'order-broken';
    else if (stored === undefined) problem = 'hash-missing';
    else if (computedHash !== stored) problem = 'content-changed';
    else if (event.metadata.prevHash !== previous) problem = 'link-broken';
    links.push({ revision: event.revision, storedHash: stored, computedHash, ok: !problem, ...(problem ? { problem } : {}) });
    previous = stored;
  }
  const firstBad = links.find((link) => !link.ok);
  return { ok: !firstBad, events: events.length, links, ...(firstBad ? { brokenAt: firstBad.revision } : {}) };
}
