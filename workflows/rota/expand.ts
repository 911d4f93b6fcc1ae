import type { Reception } from '../../contracts/receptions.js';
import { addDays, chinaDateOfInstant, chinaInstant, weekdayOf } from './china-time.js';
import { changeOn, scheduleOn, type DateChange, type RotaContext } from './context.js';

interface Sitting {
  start: string;
  end: string;
  deputyIds: string[];
}

/** The sittings the weekly pattern in force gives a date. */
function patternSittings(rota: RotaContext, date: string): Sitting[] {
  const weekday = weekdayOf(date);
  const sessions = scheduleOn(rota, date)?.sessions ?? [];
  return sessions
    .filter((session) => session.weekday === weekday)
    .map(({ start, end, deputyIds }) => ({ start, end, deputyIds }))
    .sort((a, b) => a.start.localeCompare(b.start));
}

/** The last sitting an earlier change of the date added: what a cancelled added date had promised. */
function lastAddedSitting(changes: readonly DateChange[]): Sitting[] {
  const added = changes.findLast((change) => !change.cancelled && change.start !== undefined && change.end !== undefined);
  return added ? [{ start: added.start!, end: added.end!, deputyIds: added.deputyIds ?? [] }] : [];
}

/** The sittings of a date, pattern and change together; `cancelled` says they were called off. */
function sittingsOn(rota: RotaContext, date: string): { sittings: Sitting[]; change?: DateChange } {
  const pattern = patternSittings(rota, date);
  const change = changeOn(rota, date);
  if (!change) return { sittings: pattern };
  if (change.cancelled) {
    // Kept, so a citizen who saw the day announced sees it will not happen.
    return { sittings: pattern.length > 0 ? pattern : lastAddedSitting(rota.dateChanges[date] ?? []), change };
  }
  if (change.start !== undefined && change.end !== undefined) {
    const deputyIds = change.deputyIds ?? pattern[0]?.deputyIds ?? [];
    return { sittings: [{ start: change.start, end: change.end, deputyIds }], change };
  }
  return { sittings: pattern.map((sitting) => ({ ...sitting, deputyIds: change.deputyIds ?? sitting.deputyIds })), change };
}

/** The receptions of one China date, earliest first. */
export function receptionsOn(rota: RotaContext, date: string): Reception[] {
  const { sittings, change } = sittingsOn(rota, date);
  return sittings.map((sitting) => {
    const reception: Reception = {
      stationId: rota.stationId ?? '',
      date,
      start: chinaInstant(date, sitting.start),
      end: chinaInstant(date, sitting.end),
      deputyIds: [...sitting.deputyIds],
      cancelled: change?.cancelled ?? false,
    };
    if (change?.note !== undefined) reception.note = change.note;
    return reception;
  });
}

/**
 * Every reception of the rota that starts in [from, to) (ISO instants),
 * cancelled ones included, oldest first: the weekly pattern in force on
 * each date, then that date's change over it. The caller bounds the range.
 */
export function receptionsBetween(rota: RotaContext, from: string, to: string): Reception[] {
  if (rota.schedules.length === 0 && Object.keys(rota.dateChanges).length === 0) return [];
  if (from >= to) return [];
  const last = chinaDateOfInstant(new Date(Date.parse(to) - 1).toISOString());
  const receptions: Reception[] = [];
  for (let date = chinaDateOfInstant(from); date <= last; date = addDays(date, 1)) {
    for (const reception of receptionsOn(rota, date)) {
      if (reception.start >= from && reception.start < to) receptions.push(reception);
    }
  }
  return receptions;
}
