import { SLOT_MINUTES } from '../../contracts/appointments.js';
import type { Reception } from '../../contracts/receptions.js';

export interface OfferedSlot {
  start: string;
  end: string;
  stationId: string;
}

const SLOT_MS = SLOT_MINUTES * 60_000;

/**
 * The slots a deputy offers: each reception not called off where they are
 * on duty, cut into 30-minute slots from its start (a shorter rest at the
 * end is no slot), those starting in [from, to) and after `now`, less
 * those an appointment keeps (`taken`: their starts). A deputy cannot be in
 * two places: where two stations' receptions overlap, a start is offered once.
 */
export function offeredSlots(
  receptions: readonly Reception[],
  deputyId: string,
  window: { from: string; to: string; now: string },
  taken: ReadonlySet<string>,
): OfferedSlot[] {
  const from = Math.max(Date.parse(window.from), Date.parse(window.now) + 1);
  const to = Date.parse(window.to);
  const byStart = new Map<string, OfferedSlot>();
  for (const reception of receptions) {
    if (reception.cancelled || !reception.deputyIds.includes(deputyId)) continue;
    const end = Date.parse(reception.end);
    for (let start = Date.parse(reception.start); start + SLOT_MS <= end; start += SLOT_MS) {
      if (start < from || start >= to) continue;
      const iso = new Date(start).toISOString();
      if (taken.has(iso) || byStart.has(iso)) continue;
      byStart.set(iso, { start: iso, end: new Date(start + SLOT_MS).toISOString(), stationId: reception.stationId });
    }
  }
  return [...byStart.values()].sort((a, b) => a.start.localeCompare(b.start));
}
