import type { ReceptionDateChange, ReceptionSession } from '../../contracts/rota.js';

/** A weekly pattern and the first China date it holds for. */
export interface WeeklySchedule {
  effectiveFrom: string;
  sessions: ReceptionSession[];
  publishDaysAhead: number;
}

export type DateChange = Omit<ReceptionDateChange, 'stationId'>;

/** What a station's rota holds: enough to work out any reception, past or future. */
export interface RotaContext {
  stationId: string | null;
  /**
   * Patterns by the date they take over, oldest first. A pattern set later
   * replaces those that were to take over on or after its own date.
   */
  schedules: WeeklySchedule[];
  /** Every change of each date, oldest first; the last one holds. */
  dateChanges: Readonly<Record<string, DateChange[]>>;
}

export const emptyRota: RotaContext = { stationId: null, schedules: [], dateChanges: {} };

/** The pattern in force on a date, if any was yet. */
export function scheduleOn(rota: RotaContext, date: string): WeeklySchedule | undefined {
  return rota.schedules.findLast((schedule) => schedule.effectiveFrom <= date);
}

/** The change that holds for a date, if any. */
export const changeOn = (rota: RotaContext, date: string): DateChange | undefined => rota.dateChanges[date]?.at(-1);

/** How far ahead the station publishes: as it last said. */
export const publishDaysAheadOf = (rota: RotaContext): number | undefined => rota.schedules.at(-1)?.publishDaysAhead;
