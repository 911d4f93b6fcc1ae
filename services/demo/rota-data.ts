import { randomUUID } from 'node:crypto';
import type { Principal } from '../../contracts/identity.js';
import type { ReceptionDateCommand, ReceptionScheduleBody } from '../../contracts/rota.js';
import { addDays, chinaDateOfInstant, weekdayOf } from '../../workflows/rota/index.js';
import type { RotaService } from '../rota/index.js';
import { demoPeople } from './directory-data.js';

const mondayMorning = (deputyIds: string[]) => ({ weekday: 1, start: '09:00', end: '12:00', deputyIds });

/** Each demo station's weekly pattern, as its `receptionSchedule` text says. */
export const demoSchedules: Record<string, ReceptionScheduleBody> = {
  // 每周一 9:00–12:00 代表接待选民
  'st-panlong': { sessions: [mondayMorning(['dep-zhou-lan', 'dep-luo-jian'])], publishDaysAhead: 14 },
  // 每周一有代表值班
  'st-baichehe': { sessions: [mondayMorning(['dep-wu-haitao'])], publishDaysAhead: 14 },
  // 随时上门: no fixed days, the deputy receives at home whenever someone comes.
  'st-fana-home': { sessions: [], publishDaysAhead: 14 },
  // 每周一现场接待
  'st-hecheng': { sessions: [mondayMorning(['dep-tian-yu', 'dep-song-qiang'])], publishDaysAhead: 14 },
  // 每月第一个周一: not a weekly pattern, so each such Monday is added as a date (firstMondays below).
  'st-guzhen': { sessions: [], publishDaysAhead: 35 },
};

/** The first Monday of each of the `months` months from today's (China) month on that is not yet past. */
export function firstMondays(now: string, months: number): string[] {
  const today = chinaDateOfInstant(now);
  const dates: string[] = [];
  for (let month = 0; dates.length < months && month < months + 1; month++) {
    const first = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + month, 1)).toISOString().slice(0, 10);
    const monday = addDays(first, (8 - weekdayOf(first)) % 7);
    if (monday >= today) dates.push(monday);
  }
  return dates;
}

/** The dates that differ from the patterns: Guzhen's monthly Mondays, and a swap of duty at Panlong. */
export function demoDateChanges(now: string): Array<{ stationId: string; change: ReceptionDateCommand }> {
  const today = chinaDateOfInstant(now);
  // The second Monday from today on (today counts): the second reception Panlong lists.
  const secondMonday = addDays(today, ((8 - weekdayOf(today)) % 7) + 7);
  return [
    ...firstMondays(now, 3).map((date) => ({
      stationId: 'st-guzhen',
      change: { date, cancelled: false, start: '09:00', end: '12:00', deputyIds: ['dep-he-xia', 'dep-tian-yu'], note: '每月第一个周一接待' },
    })),
    {
      stationId: 'st-panlong',
      change: { date: secondMonday, cancelled: false, deputyIds: ['dep-zhou-lan', 'dep-yang-meiyun'], note: '罗建代表外出调研，杨美云代表替班' },
    },
  ];
}

const admin: Principal = { sub: demoPeople.admin.sub, role: 'admin', name: demoPeople.admin.name, stations: [] };

/**
 * Writes the demo's rotas through the rota's own commands, as the demo's
 * administrator, at `now`. The directory must hold the demo's stations and
 * deputies already.
 */
export async function seedRota(rota: RotaService, now: string, scheduledAt = now): Promise<{ schedules: number; dateChanges: number }> {
  // The patterns were set `scheduledAt` (weeks before, so past Mondays had receptions too); the changes today.
  for (const [stationId, schedule] of Object.entries(demoSchedules)) {
    await rota.setSchedule(admin, stationId, schedule, { now: scheduledAt, idempotencyKey: randomUUID() });
  }
  const changes = demoDateChanges(now);
  for (const { stationId, change } of changes) await rota.changeDate(admin, stationId, change, { now, idempotencyKey: randomUUID() });
  return { schedules: Object.keys(demoSchedules).length, dateChanges: changes.length };
}
