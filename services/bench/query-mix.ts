import type Database from 'better-sqlite3';
import type { CaseListFilters, CaseListSort } from '../../contracts/case/list.js';
import type { Principal } from '../../contracts/identity.js';
import { listCases } from '../../projections/case-list/index.js';
import { readDashboard } from '../../projections/dashboard/index.js';
import { caseVisibility } from '../../workflows/case/index.js';
import { generatedDirectory } from '../generator/directory.js';
import { DEFAULT_TO } from '../generator/index.js';
import { dashboardScopeFor } from '../read-side/dashboard-scope.js';

/** One query as a route runs it, named by what it asks. */
export interface Query {
  label: string;
  run(db: Database.Database): unknown;
}

/**
 * The clock the queries read (overdue now, deadlines passed): ten days
 * before the generated year ends, so that recent cases are still open and
 * some overdue, as on a working day; fixed, so every run asks the same.
 */
export const QUERY_NOW_MS = Date.parse(DEFAULT_TO) - 10 * 86_400_000;
const now = new Date(QUERY_NOW_MS).toISOString();

const SUPERVISED_DISTRICT = '520221';

/** Who asks: everyone, a district, a township's station staff, a deputy (their stations and their own cases). */
export function askers(): Array<{ who: string; principal: Principal }> {
  const directory = generatedDirectory();
  const district = directory.towns.filter((town) => town.supervisor.area === SUPERVISED_DISTRICT);
  const town = district[2]!;
  return [
    { who: 'admin', principal: { sub: 'bench-admin', role: 'admin', stations: [] } },
    { who: 'district-supervisor', principal: town.supervisor },
    { who: 'station-staff', principal: town.staff },
    { who: 'deputy', principal: directory.deputyPrincipal(town.deputies[1]!.id) },
  ];
}

interface ListShape {
  label: string;
  filters: CaseListFilters;
  sort: CaseListSort;
  order: 'asc' | 'desc';
  /** Ask for the second page too, with the first's cursor. */
  secondPage?: boolean;
}

const listShapes: ListShape[] = [
  { label: 'newest', filters: {}, sort: 'received', order: 'desc' },
  { label: 'newest-page-2', filters: {}, sort: 'received', order: 'desc', secondPage: true },
  { label: 'open-by-due', filters: { group: 'open' }, sort: 'due', order: 'asc' },
  { label: 'overdue', filters: { overdue: true }, sort: 'received', order: 'desc' },
  { label: 'roads-by-activity', filters: { category: ['roads'] }, sort: 'activity', order: 'desc' },
  { label: 'urgent-reception-day', filters: { channel: ['reception-day'], urgency: ['urgent', 'emergency'] }, sort: 'received', order: 'desc' },
  { label: 'june', filters: { receivedFrom: '2026-05-31T16:00:00.000Z', receivedTo: '2026-06-30T16:00:00.000Z' }, sort: 'received', order: 'asc' },
  { label: 'escalated-closed', filters: { status: ['closed'], escalated: true }, sort: 'activity', order: 'desc' },
  { label: 'town-answered', filters: { area: `${SUPERVISED_DISTRICT}203`, group: 'answered' }, sort: 'received', order: 'desc' },
];

/** Words summaries hold often (积水, 路灯, 停电), seldom (减速带, 候车亭, 宽带), or never (地铁, culvert). */
export const searchWords = ['积水', '路灯', '停电', '减速带', '候车亭', '宽带', '地铁', 'culvert'];

const LIMIT = 50;

function listQuery(principal: Principal, shape: ListShape): Query['run'] {
  const visibility = caseVisibility(principal);
  const options = { sort: shape.sort, order: shape.order, limit: LIMIT, now };
  return (db) => {
    const first = listCases(db, visibility, shape.filters, options);
    if (!shape.secondPage || !first.next) return first;
    return listCases(db, visibility, shape.filters, { ...options, after: first.next });
  };
}

/** `GET /api/cases` with the filters a station's screens send, for each asker. */
export function caseListQueries(): Query[] {
  return askers().flatMap(({ who, principal }) =>
    listShapes.map((shape) => ({ label: `${who} ${shape.label}`, run: listQuery(principal, shape) })),
  );
}

/** `GET /api/cases?q=…` for each asker, newest first; every third also filtered to open cases. */
export function searchQueries(): Query[] {
  return askers().flatMap(({ who, principal }) =>
    searchWords.map((q, i) => {
      const filters: CaseListFilters = i % 3 === 0 ? { q, group: 'open' } : { q };
      return { label: `${who} q=${q}`, run: listQuery(principal, { label: q, filters, sort: 'received', order: 'desc' }) };
    }),
  );
}

const periods = [
  { label: 'june', from: '2026-06-01', to: '2026-06-30' },
  { label: 'year', from: '2026-01-01', to: '2026-12-31' },
];

/** `GET /api/dashboard` for a month and for the year: the city, the district, a township, a station's staff. */
export function dashboardQueries(): Query[] {
  const [admin, supervisor, staff] = askers();
  const scopes = [
    { who: 'admin city', resolved: dashboardScopeFor(admin!.principal, undefined) },
    { who: 'district-supervisor', resolved: dashboardScopeFor(supervisor!.principal, undefined) },
    { who: 'district-supervisor town', resolved: dashboardScopeFor(supervisor!.principal, `${SUPERVISED_DISTRICT}203`) },
    { who: 'station-staff', resolved: dashboardScopeFor(staff!.principal, undefined) },
  ];
  return scopes.flatMap(({ who, resolved }) =>
    periods.map((period) => ({
      label: `${who} ${period.label}`,
      run: (db: Database.Database) => readDashboard(db, { scope: resolved.scope, from: period.from, to: period.to, nowMs: QUERY_NOW_MS, minSample: 5 }),
    })),
  );
}
