import type Database from 'better-sqlite3';
import { slotHoldingStatuses, type AppointmentStatus } from '../../contracts/appointments.js';
import { type AppointmentListItem, type AppointmentVisibility } from '../../contracts/appointments-http.js';
import { preparedPerDb } from '../prepared.js';
import { appointmentTables as t } from './schema.js';

interface Row {
  id: string;
  tracking_code: string;
  status: AppointmentStatus;
  deputy_id: string;
  station_id: string;
  area_code: string;
  slot_start: string;
  slot_end: string;
  citizen_name: string;
  topic: string;
}

const holding = slotHoldingStatuses.map((s) => `'${s}'`).join(', ');
const statementsFor = preparedPerDb((db: Database.Database) => ({
  kept: db.prepare<[string, string, string], { slot_start: string }>(
    `SELECT slot_start FROM ${t.items} WHERE deputy_id = ? AND slot_start >= ? AND slot_start < ? AND status IN (${holding})`,
  ),
  byCode: db.prepare<[string], { id: string }>(`SELECT id FROM ${t.items} WHERE tracking_code = ?`),
  /** List statements by their SQL: a handful of filter combinations, each prepared once. */
  lists: new Map<string, Database.Statement<unknown[], Row>>(),
}));

/** The starts of a deputy's slots in [from, to) that an appointment keeps. */
export function keptSlotStarts(db: Database.Database, deputyId: string, from: string, to: string): Set<string> {
  return new Set(statementsFor(db).kept.all(deputyId, from, to).map((row) => row.slot_start));
}

export function appointmentIdByCode(db: Database.Database, trackingCode: string): string | undefined {
  return statementsFor(db).byCode.get(trackingCode)?.id;
}

export interface AppointmentFilter {
  station?: string;
  deputy?: string;
  area?: string;
  status?: AppointmentStatus;
  /** Slots starting in [from, to). */
  from?: string;
  to?: string;
}

function visibilityClause(visibility: AppointmentVisibility): { sql: string; args: unknown[] } | undefined {
  switch (visibility.kind) {
    case 'all':
      return { sql: '1', args: [] };
    case 'none':
      return undefined;
    case 'area':
      return { sql: 'substr(area_code, 1, length(?)) = ?', args: [visibility.areaPrefix, visibility.areaPrefix] };
    case 'stations':
      return { sql: 'station_id IN (SELECT value FROM json_each(?))', args: [JSON.stringify(visibility.stationIds)] };
    case 'deputy':
      return { sql: 'deputy_id = ?', args: [visibility.deputyId] };
  }
}

const itemOf = (row: Row): AppointmentListItem => ({
  id: row.id,
  trackingCode: row.tracking_code,
  status: row.status,
  deputyId: row.deputy_id,
  stationId: row.station_id,
  areaCode: row.area_code,
  slot: { start: row.slot_start, end: row.slot_end },
  citizenName: row.citizen_name,
  topic: row.topic,
});

/**
 * A page of the appointments the caller may see, by slot time then id,
 * after `after` (the last item's slot start and id); `next` is that key of
 * this page's last item when more follow.
 */
export function listAppointments(
  db: Database.Database,
  visibility: AppointmentVisibility,
  filter: AppointmentFilter,
  page: { limit: number; after?: [string, string] },
): { items: AppointmentListItem[]; next?: [string, string] } {
  const scope = visibilityClause(visibility);
  if (!scope) return { items: [] };
  const where = [scope.sql];
  const args = [...scope.args];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    args.push(...values);
  };
  if (filter.station !== undefined) add('station_id = ?', filter.station);
  if (filter.deputy !== undefined) add('deputy_id = ?', filter.deputy);
  if (filter.area !== undefined) add('substr(area_code, 1, length(?)) = ?', filter.area, filter.area);
  if (filter.status !== undefined) add('status = ?', filter.status);
  if (filter.from !== undefined) add('slot_start >= ?', filter.from);
  if (filter.to !== undefined) add('slot_start < ?', filter.to);
  if (page.after) add('(slot_start, id) > (?, ?)', ...page.after);
  const sql = `SELECT * FROM ${t.items} WHERE ${where.join(' AND ')} ORDER BY slot_start, id LIMIT ?`;
  const { lists } = statementsFor(db);
  let statement = lists.get(sql);
  if (!statement) lists.set(sql, (statement = db.prepare<unknown[], Row>(sql)));
  const rows = statement.all(...args, page.limit + 1);
  const items = rows.slice(0, page.limit).map(itemOf);
  const last = items.at(-1);
  return rows.length > page.limit && last ? { items, next: [last.slot.start, last.id] } : { items };
}
