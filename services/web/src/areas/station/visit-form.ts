import type { Urgency } from '../../../../../contracts/case/vocabulary.js';
import { chinaDate, clock, fromBeijing } from '../../lib/time.js';

/**
 * The registration form as a person fills it in, and how it becomes the
 * body of POST /api/visits. Kept free of Vue so it is tested on its own.
 */
export interface MatterDraft {
  /** A stable key for the row, so removing one row keeps the others' fields and focus. */
  key: number;
  category: string;
  summary: string;
  location: string;
  urgency: Urgency | '';
  onSpot: boolean;
  answer: string;
}

export interface VisitDraft {
  stationId: string;
  /** Beijing wall-clock date and time, as the form's date and time fields hold them. */
  date: string;
  time: string;
  deputyIds: string[];
  visitor: { name: string; phone: string; address: string };
  matters: MatterDraft[];
  notes: string;
}

let rows = 0;
export function blankMatter(): MatterDraft {
  rows += 1;
  return { key: rows, category: '', summary: '', location: '', urgency: '', onSpot: false, answer: '' };
}

/** A fresh form: now in Beijing, one empty matter (most visitors come with one). */
export function blankVisit(stationId: string, deputyIds: string[] = [], now = new Date()): VisitDraft {
  return { stationId, date: chinaDate(now), time: clock(now), deputyIds, visitor: { name: '', phone: '', address: '' }, matters: [blankMatter()], notes: '' };
}

/**
 * The form for the next person in the queue: same station, day and deputies
 * (they are still sitting there); the time moves on to now when the day is
 * today, and everything about the visitor is cleared.
 */
export function nextVisitor(previous: VisitDraft, now = new Date()): VisitDraft {
  const fresh = blankVisit(previous.stationId, [...previous.deputyIds], now);
  if (previous.date !== fresh.date) return { ...fresh, date: previous.date, time: previous.time };
  return fresh;
}

const filled = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/**
 * What is sent. Blank optional fields are left out rather than sent empty
 * (the API would refuse an empty string); a required field left blank is
 * sent as it is, so the same schema names it beside its field.
 */
export function bodyOf(draft: VisitDraft): Record<string, unknown> {
  return {
    channel: 'reception-day',
    stationId: draft.stationId,
    receivedAt: draft.date && draft.time ? fromBeijing(draft.date, draft.time) : undefined,
    deputyIds: draft.deputyIds,
    visitor: { name: draft.visitor.name, phone: filled(draft.visitor.phone), address: filled(draft.visitor.address) },
    matters: draft.matters.map((m) => ({
      category: m.category,
      summary: m.summary,
      urgency: m.urgency === '' ? undefined : m.urgency,
      location: filled(m.location),
      // Answered on the spot: the answer is required then, so an empty one is sent and named.
      answer: m.onSpot ? m.answer : undefined,
    })),
    notes: filled(draft.notes),
  };
}

/** The fields the form has words for; a path names the last of them it passes (matters.1.category → category). */
export const fieldNames = ['stationId', 'receivedAt', 'deputyIds', 'name', 'phone', 'address', 'category', 'summary', 'location', 'urgency', 'answer', 'notes'] as const;
export type FieldName = (typeof fieldNames)[number];

export function fieldOf(path: string): FieldName | undefined {
  const parts = path.split('.').reverse();
  return parts.find((p): p is FieldName => (fieldNames as readonly string[]).includes(p));
}

/**
 * The errors by the place the form shows them: `matters.1.category`,
 * `visitor.name`, `deputyIds` (not `deputyIds.0`). A receivedAt out of
 * range is shown under the time.
 */
export function placeErrors(errors: Record<string, string>): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const place = path.replace(/^body\./, '').replace(/^(deputyIds)\.\d+$/, '$1');
    placed[place] ??= message;
  }
  return placed;
}

/** Where the first error is, in the order the form reads, so focus can go there. */
export function firstErrorPlace(errors: Record<string, string>, draft: VisitDraft): string | undefined {
  const order = ['stationId', 'receivedAt', 'deputyIds', 'visitor.name', 'visitor.phone', 'visitor.address'];
  draft.matters.forEach((_m, i) => order.push(...['category', 'summary', 'urgency', 'location', 'answer'].map((f) => `matters.${i}.${f}`)));
  order.push('notes');
  return order.find((place) => place in errors) ?? Object.keys(errors)[0];
}
