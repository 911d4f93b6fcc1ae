import type { FoldedStream } from '../../workflows/engine/index.js';
import { changeOn, scheduleOn, type DateChange, type RotaContext, type WeeklySchedule } from '../../workflows/rota/index.js';

export interface RotaView {
  stationId: string;
  revision: number;
  schedules: WeeklySchedule[];
  dateChanges: DateChange[];
}

/**
 * The rota as it matters from `today` on: the pattern in force today and
 * those taking over later, and the dates changed from today on.
 */
export function rotaView(stationId: string, stream: Pick<FoldedStream<RotaContext>, 'context' | 'revision'>, today: string): RotaView {
  const rota = stream.context;
  const current = scheduleOn(rota, today);
  const schedules = rota.schedules.filter((schedule) => schedule === current || schedule.effectiveFrom > today);
  const dates = Object.keys(rota.dateChanges).filter((date) => date >= today).sort();
  const dateChanges = dates.map((date) => changeOn(rota, date)!);
  return { stationId, revision: stream.revision, schedules, dateChanges };
}
