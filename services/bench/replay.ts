import { createHash } from 'node:crypto';
import { READ_ALL_MAX_COUNT, type EventData, type EventStore, type RecordedEvent } from '../../contracts/event-store.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** The alphabet of tracking codes (contracts/case/events.ts): no 0, 1, I or O. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const TRACKING_CODE = /\b[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}\b/g;

const digest = (copy: number, value: string) => createHash('sha256').update(`${copy}:${value}`).digest();

/** The id `id` has in copy `copy`: another UUID-shaped id, the same wherever `id` appears. */
export function copiedId(id: string, copy: number): string {
  const hex = digest(copy, id).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The tracking code `code` has in copy `copy`. Two cases of a large copied
 * log may now and then share a code (32^8 codes); the read models allow it
 * (tracking codes are looked up, not unique), and a benchmark cares not.
 */
export function copiedTrackingCode(code: string, copy: number): string {
  const bytes = digest(copy, code);
  const chars = Array.from({ length: 8 }, (_, i) => CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** JSON text with every UUID and tracking code in it replaced by its copy's. */
export function copiedText(text: string, copy: number): string {
  return text.replace(UUID, (id) => copiedId(id, copy)).replace(TRACKING_CODE, (code) => copiedTrackingCode(code, copy));
}

export interface CopiedEvent {
  streamName: string;
  event: EventData;
  /** The revision the stream has before it: the source's, so the copy has the same revisions. */
  expectedRevision: number | 'no_stream';
}

/**
 * A case event as copy `copy` of its case has it: the case id (in the
 * stream name and wherever the data or metadata names a case: merges point
 * at the copy's own cases), the event id and the tracking code replaced;
 * every other field, times included, as it was. The hash chain in the
 * metadata is left as it was and no longer verifies: the read models do
 * not check it.
 */
export function copiedEvent(source: RecordedEvent, copy: number): CopiedEvent {
  const data = copiedText(JSON.stringify(source.data), copy);
  const metadata = copiedText(JSON.stringify(source.metadata), copy);
  return {
    streamName: copiedText(source.streamName, copy),
    event: { id: copiedId(source.id, copy), type: source.type, data: JSON.parse(data), metadata: JSON.parse(metadata), json: { data, metadata } },
    expectedRevision: source.revision === 0 ? 'no_stream' : source.revision - 1,
  };
}

/**
 * Appends `copies` copies of every case event at or before `head` to the
 * same store, copy after copy, each in log order: a page of the original
 * is read, its copy's events appended (the store gathers them into group
 * commits, one event per append so a page's events of one case follow
 * each other), and the next page read once they are all committed.
 * Directory events are not copied: the copies are more cases in the same
 * city, stations and deputies.
 */
export async function appendCopies(
  store: EventStore,
  head: number,
  copies: number,
  onProgress: (copy: number, position: number) => void = () => {},
): Promise<number> {
  let appended = 0;
  for (let copy = 1; copy <= copies; copy++) {
    for (let from = 0; from <= head; ) {
      const page = await store.readAll({ fromPosition: from, maxCount: READ_ALL_MAX_COUNT, filter: { kind: 'category', categories: ['case'] } });
      const mine = page.filter((event) => event.position <= head);
      if (mine.length === 0) break;
      await Promise.all(
        mine.map((source) => {
          const { streamName, event, expectedRevision } = copiedEvent(source, copy);
          return store.appendToStream(streamName, [event], { expectedRevision });
        }),
      );
      appended += mine.length;
      from = mine.at(-1)!.position + 1;
      onProgress(copy, from - 1);
    }
  }
  return appended;
}
