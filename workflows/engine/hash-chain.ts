import { hash } from 'node:crypto';
import type { RecordedEvent } from '../../contracts/event-store.js';

export const GENESIS_HASH = '0'.repeat(64);

/*
 * canonicalJson is on the hot path of every append and every verification, so
 * it is a hand-written serializer rather than JSON.stringify with a key-sorting
 * replacer (which rebuilt every object and called back into JS per value). The
 * output must stay byte-identical to that replacer version, or stored hash
 * chains stop verifying; test/workflows/engine/canonical-json.test.ts checks
 * the two against each other. The replacer's semantics, kept here:
 * - toJSON(key) is called once on an object (or bigint) before anything else;
 * - every non-array object, boxed primitives included, became a fresh object
 *   of its own enumerable keys added in default sort order, so a boxed string
 *   is serialized by its indices and a boxed number as {} (see orderKeys for
 *   the order that comes out);
 * - an own "__proto__" key was assigned onto the fresh object, which sets the
 *   prototype instead of adding a key, so it never appeared in the output;
 * - undefined, functions and symbols vanish from objects and are null in
 *   arrays; non-finite numbers are null; bigint throws.
 */

/**
 * JSON.stringify escapes only `"`, `\`, control characters and lone surrogates;
 * a string with none of these (paired surrogates are left to it as well) comes
 * out as itself in quotes, and the regex test is cheaper than the call. The
 * class lists what may pass rather than what may not, as lint forbids control
 * characters in a regex.
 */
const NEEDS_ESCAPE = /[^\u0020\u0021\u0023-\u005b\u005d-\ud7ff\ue000-\uffff]/;

function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/**
 * Keys come from a handful of event schemas, so their quoted form is cached.
 * The bounds keep arbitrary keys in event data from growing it without limit.
 */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_MAX = 2048;

function keyPrefix(key: string): string {
  let prefix = quotedKeys.get(key);
  if (prefix === undefined) {
    prefix = `${quote(key)}:`;
    if (key.length <= 64 && quotedKeys.size < QUOTED_KEYS_MAX) quotedKeys.set(key, prefix);
  }
  return prefix;
}

/** Canonical decimal integers up to 2^32 - 2: the keys objects list first. */
function isArrayIndex(key: string): boolean {
  const c = key.charCodeAt(0);
  if (!(c >= 0x30 && c <= 0x39)) return false; // also rejects '', where c is NaN
  return (c !== 0x30 || key.length === 1) && /^\d{1,10}$/.test(key) && Number(key) <= 4294967294;
}

/**
 * The default sort, which for distinct strings is code-unit order, i.e. `<`.
 * Insertion sort beats the built-in on the small key sets of event payloads.
 */
function sortStrings(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * The order the replacer's fresh objects were written in: whatever order keys
 * are added in, an object lists its array-index keys first, ascending by value,
 * and only the rest in the order they were added, i.e. sorted.
 */
function orderKeys(keys: string[]): string[] {
  for (let i = 0; i < keys.length; i++) {
    if (isArrayIndex(keys[i]!)) {
      const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
      return indices.concat(sortStrings(keys.filter((key) => !isArrayIndex(key))));
    }
  }
  return sortStrings(keys);
}

/** One value as JSON.stringify would write it, or undefined where it would skip it. */
function write(value: unknown, key: string | number): string | undefined {
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, String(key));
  }
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      // Number-to-string is the same algorithm JSON.stringify uses; -0 gives "0".
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object': {
      if (value === null) return 'null';
      // Arrays and objects are written here rather than in helpers: one stack
      // frame per level lets nesting go at least as deep as the replacer did.
      if (Array.isArray(value)) {
        const length = value.length;
        if (length === 0) return '[]';
        let out = '[';
        for (let i = 0; i < length; i++) out += (i === 0 ? '' : ',') + (write(value[i], i) ?? 'null');
        return `${out}]`;
      }
      let out = '';
      for (const k of orderKeys(Object.keys(value))) {
        if (k === '__proto__') continue;
        const v = write((value as Record<string, unknown>)[k], k);
        if (v !== undefined) out += (out === '' ? '{' : ',') + keyPrefix(k) + v;
      }
      return out === '' ? '{}' : `${out}}`;
    }
    default:
      return undefined;
  }
}

/** JSON with object keys in one fixed order (orderKeys) at every depth: one byte string per value. */
export function canonicalJson(value: unknown): string {
  return write(value, '') ?? 'null';
}

export interface HashedContent {
  streamName: string;
  revision: number;
  type: string;
  data: unknown;
  /** Metadata without `hash` itself; it includes `prevHash`. */
  metadata: Record<string, unknown>;
}

/** One-shot crypto.hash (Node >= 20.12, hence engines) skips createHash's Hash object. */
export function hashEvent(content: HashedContent): string {
  return hash('sha256', canonicalJson(content), 'hex');
}

/**
 * hashEvent's hash, plus the canonical JSON of data and metadata, which the
 * store can keep rather than serialise them again. The content's keys sort
 * as data, metadata, revision, streamName, type, so its canonical JSON is
 * those parts in that order (a test holds this to hashEvent). Like all
 * canonical JSON it leaves out own "__proto__" keys, which command data,
 * parsed by strict schemas from bodies refused if they carry one, never has.
 */
export function hashEventKeepingJson(content: HashedContent): { hash: string; data: string; metadata: string } {
  const data = canonicalJson(content.data);
  const metadata = canonicalJson(content.metadata);
  const rest = `"revision":${canonicalJson(content.revision)},"streamName":${canonicalJson(content.streamName)},"type":${canonicalJson(content.type)}`;
  return { hash: hash('sha256', `{"data":${data},"metadata":${metadata},${rest}}`, 'hex'), data, metadata };
}

/**
 * A UUID derived from the stream, the command id and the event's index in
 * the command, so a retried command proposes the very same event ids.
 */
export function deriveEventId(streamName: string, commandId: string, index: number): string {
  // Worked on the hex digest rather than a Buffer: the same id, a microsecond sooner.
  const h = hash('sha256', `${streamName}\n${commandId}\n${index}`, 'hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16); // RFC 4122 variant: 10xx
  // Version 8 (custom, name-based) replaces the 13th hex digit.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: string };

/** Recomputes every link of a stream's chain; the first bad event is named. */
export function verifyChain(events: RecordedEvent[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (const [i, event] of events.entries()) {
    const { hash, ...rest } = event.metadata;
    if (rest.prevHash !== prevHash) {
      return { ok: false, checked: i, brokenAt: event.revision, reason: 'prevHash does not match the previous event' };
    }
    const expected = hashEvent({
      streamName: event.streamName,
      revision: event.revision,
      type: event.type,
      data: event.data,
      metadata: rest,
    });
    if (hash !== expected) {
      return { ok: false, checked: i, brokenAt: event.revision, reason: 'content does not match its hash' };
    }
    prevHash = hash;
  }
  return { ok: true, checked: events.length };
}
