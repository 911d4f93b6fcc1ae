import type { DiaryEntry } from '../../../../../contracts/diary.js';
import { chinaDate } from '../../lib/time.js';

/** Diary entries by China day, newest day first, each day's entries in time order. */
export function byDay(entries: readonly DiaryEntry[]): { day: string; entries: DiaryEntry[] }[] {
  const days = new Map<string, DiaryEntry[]>();
  for (const entry of [...entries].sort((a, b) => a.at.localeCompare(b.at))) {
    const day = chinaDate(entry.at);
    const list = days.get(day) ?? [];
    list.push(entry);
    days.set(day, list);
  }
  return [...days.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([day, list]) => ({ day, entries: list }));
}
