import type Database from 'better-sqlite3';
import type { CaseListFilters, CaseListItem, CaseListSort } from '../../contracts/case/list.js';
import type { CaseVisibility } from '../../contracts/case/visibility.js';
import { tables as t } from './schema.js';
import { matchExpression } from './search-text.js';

/** A list's WHERE clause, built from parts with their parameters beside them. */
class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }
  in(column: string, values: readonly unknown[] | undefined): this {
    return values === undefined ? this : this.add(`${column} IN (${values.map(() => '?').join(', ')})`, ...values);
  }
  get sql(): string {
    return this.parts.length === 0 ? '' : `WHERE ${this.parts.join(' AND ')}`;
  }
}

/** The first string after every area code starting with `prefix` (area codes are digits). */
const afterPrefix = (prefix: string) => `${prefix}:`;
const assignedTo = `seq IN (SELECT case_seq FROM ${t.deputies} WHERE deputy_id = ?)`;

/** Overdue, as of `now`: a deadline still running that has passed, or one answered late. */
export const overdueSql = `((settled_at IS NULL AND reply_due_by < ?) OR late = 1)`;

/** THE scope of every list and search: the caller's visibility, applied before any filter. */
export function scoped(where: Where, visibility: CaseVisibility): Where {
  switch (visibility.kind) {
    case 'all':
      return where;
    case 'none':
      return where.add('0');
    case 'area':
      return where.add('area_code >= ? AND area_code < ?', visibility.areaPrefix, afterPrefix(visibility.areaPrefix));
    case 'stations': {
      const stations = visibility.stationIds.map(() => '?').join(', ');
      const atStations = `station_id IN (${stations})`;
      if (visibility.deputyId === undefined) return where.add(atStations, ...visibility.stationIds);
      return where.add(`(${atStations} OR ${assignedTo})`, ...visibility.stationIds, visibility.deputyId);
    }
  }
}

function filtered(where: Where, f: CaseListFilters, now: string): Where {
  where.in('status', f.status).in('station_id', f.station).in('category', f.category).in('channel', f.channel).in('urgency', f.urgency);
  if (f.group) where.add('status_group = ?', f.group);
  if (f.area) where.add('area_code >= ? AND area_code < ?', f.area, afterPrefix(f.area));
  if (f.deputy) where.add(assignedTo, f.deputy);
  if (f.escalated !== undefined) where.add('escalated = ?', Number(f.escalated));
  if (f.pressed !== undefined) where.add(f.pressed ? 'press_count > 0' : 'press_count = 0');
  if (f.overdue !== undefined) where.add(f.overdue ? overdueSql : `NOT ${overdueSql}`, now);
  if (f.receivedFrom) where.add('received_at >= ?', f.receivedFrom);
  if (f.receivedTo) where.add('received_at < ?', f.receivedTo);
  if (f.trackingCode) where.add('tracking_code = ?', f.trackingCode);
  if (f.q !== undefined) {
    const match = matchExpression(f.q);
    if (match === undefined) where.add('0');
    else where.add(`seq IN (SELECT case_seq FROM ${t.search} WHERE ${t.search} MATCH ?)`, match);
  }
  return where;
}

const columnOf: Record<CaseListSort, string> = { received: 'received_at', activity: 'last_activity_at', due: 'reply_due_by' };

const selectItem = `SELECT id, tracking_code AS trackingCode, status, status_group AS "group", station_id AS stationId,
  area_code AS areaCode, category, channel, urgency, summary, received_at AS receivedAt, last_activity_at AS lastActivityAt,
  reply_due_by AS replyDueBy, ${overdueSql} AS overdue, escalated, press_count AS pressCount, last_pressed_at AS lastPressedAt,
  deputy_ids AS deputyIds`;

type Row = Omit<CaseListItem, 'overdue' | 'escalated' | 'deputyIds'> & { overdue: number; escalated: number; deputyIds: string };
const itemOf = (row: Row): CaseListItem => ({ ...row, overdue: row.overdue === 1, escalated: row.escalated === 1, deputyIds: JSON.parse(row.deputyIds) });

/** A page of a list: the items and the sort key of the last one, when more may follow. */
export interface CasePage {
  items: CaseListItem[];
  next: (string | number)[] | null;
}

/** One page ordered by `keys` (the last being the id), after the cursor `after` when given. */
function page(db: Database.Database, where: Where, keys: readonly string[], desc: boolean, now: string, limit: number, after?: readonly unknown[]): CasePage {
  if (after) where.add(`(${keys.join(', ')}) ${desc ? '<' : '>'} (${keys.map(() => '?').join(', ')})`, ...after);
  const direction = desc ? 'DESC' : 'ASC';
  const sql = `${selectItem}, ${keys.map((k, i) => `${k} AS k${i}`).join(', ')} FROM ${t.cases} ${where.sql}
    ORDER BY ${keys.map((k) => `${k} ${direction}`).join(', ')} LIMIT ?`;
  // A statement per query shape: SQLite plans each for the filters it has.
  const rows = db.prepare(sql).all(now, ...where.params, limit + 1) as Array<Row & Record<string, string | number>>;
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => itemOf(row)),
    next: more && last ? keys.map((_, i) => last[`k${i}`]!) : null,
  };
}

export interface ListOptions {
  sort: CaseListSort;
  order: 'asc' | 'desc';
  limit: number;
  /** The sort key of the last item of the page before: [sort value, id]. */
  after?: readonly unknown[];
  /** The clock that decides overdue, ISO-8601 UTC. */
  now: string;
}

/** `GET /api/cases`: the caller's cases that pass every filter, in the order asked. */
export function listCases(db: Database.Database, visibility: CaseVisibility, filters: CaseListFilters, options: ListOptions): CasePage {
  const where = filtered(scoped(new Where(), visibility), filters, options.now);
  return page(db, where, [columnOf[options.sort], 'id'], options.order === 'desc', options.now, options.limit, options.after);
}

/** What a caller's own open work is drawn from, before ordering. */
export type WorkScope =
  | { kind: 'assigned'; deputyId: string }
  | { kind: 'needing-attention'; visibility: CaseVisibility }
  | { kind: 'visible'; visibility: CaseVisibility };

/** `GET /api/me/cases`: open cases of the work scope, most urgent first, then oldest. */
export function listWork(db: Database.Database, scope: WorkScope, options: Omit<ListOptions, 'sort' | 'order'>): CasePage {
  const where = new Where().add("status_group = 'open'");
  if (scope.kind === 'assigned') where.add(assignedTo, scope.deputyId);
  else scoped(where, scope.visibility);
  // A supervisor's attention: escalated, overdue, or pressed by the citizen.
  if (scope.kind === 'needing-attention') where.add(`(escalated = 1 OR press_count > 0 OR ${overdueSql})`, options.now);
  return page(db, where, ['urgency_rank', 'received_at', 'id'], false, options.now, options.limit, options.after);
}

/** The case with this tracking code (the online station's look-up), if there is one. */
export function caseIdByTrackingCode(db: Database.Database, trackingCode: string): string | undefined {
  const row = db.prepare(`SELECT id FROM ${t.cases} WHERE tracking_code = ?`).get(trackingCode) as { id: string } | undefined;
  return row?.id;
}
