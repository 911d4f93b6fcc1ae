import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { caseListSorts, type CaseListSort } from '../../../../../contracts/case/list.js';
import { addDays, fromBeijing } from '../../lib/time.js';

/**
 * The case list's filters as they live in the address bar (so a view can
 * be shared and survives a reload) and as the API takes them. Lists are
 * comma-joined in the address (status=received,assigned), which the API
 * also reads; dates are China calendar days, sent as Beijing instants.
 */
export type Flag = '' | 'true' | 'false';

export interface ListFilters {
  q: string;
  trackingCode: string;
  status: string[];
  group: string;
  station: string[];
  area: string;
  deputy: string;
  category: string[];
  channel: string[];
  urgency: string[];
  overdue: Flag;
  escalated: Flag;
  pressed: Flag;
  /** First and last China day received, both included. */
  from: string;
  to: string;
  sort: CaseListSort;
  order: 'asc' | 'desc';
}

const LISTS = ['status', 'station', 'category', 'channel', 'urgency'] as const;
const TEXTS = ['q', 'trackingCode', 'group', 'area', 'deputy', 'from', 'to'] as const;
const FLAGS = ['overdue', 'escalated', 'pressed'] as const;

export const emptyFilters = (): ListFilters => ({
  q: '', trackingCode: '', status: [], group: '', station: [], area: '', deputy: '', category: [], channel: [], urgency: [],
  overdue: '', escalated: '', pressed: '', from: '', to: '', sort: 'received', order: 'desc',
});

const first = (value: LocationQuery[string] | undefined): string => {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : '';
};

/** A copy a form may change without touching the filters in use. */
export const copyFilters = (f: ListFilters): ListFilters => ({
  ...f, status: [...f.status], station: [...f.station], category: [...f.category], channel: [...f.channel], urgency: [...f.urgency],
});

/** The filters an address asks for; anything unknown or malformed is left out. */
export function filtersFromQuery(query: LocationQuery): ListFilters {
  const filters = emptyFilters();
  for (const key of LISTS) {
    const raw = Array.isArray(query[key]) ? query[key] : [query[key]];
    filters[key] = raw.flatMap((v) => (typeof v === 'string' ? v.split(',') : [])).map((v) => v.trim()).filter(Boolean);
  }
  for (const key of TEXTS) filters[key] = first(query[key]).trim();
  for (const key of FLAGS) {
    const v = first(query[key]);
    filters[key] = v === 'true' || v === 'false' ? v : '';
  }
  const sort = first(query.sort);
  if ((caseListSorts as readonly string[]).includes(sort)) filters.sort = sort as CaseListSort;
  if (first(query.order) === 'asc') filters.order = 'asc';
  return filters;
}

/** The address query for the filters: only what is set, defaults left out, so links stay short. */
export function queryOfFilters(filters: ListFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  for (const key of LISTS) if (filters[key].length > 0) query[key] = filters[key].join(',');
  for (const key of [...TEXTS, ...FLAGS]) if (filters[key]) query[key] = filters[key].trim();
  if (filters.sort !== 'received') query.sort = filters.sort;
  if (filters.order !== 'desc') query.order = filters.order;
  return query;
}

/** The API's query for the filters (before paging), in the shape caseListQuery checks. */
export function apiQueryOf(filters: ListFilters): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = { sort: filters.sort, order: filters.order };
  for (const key of LISTS) if (filters[key].length > 0) params[key] = filters[key];
  for (const key of ['q', 'trackingCode', 'group', 'area', 'deputy'] as const) if (filters[key].trim()) params[key] = filters[key].trim();
  for (const key of FLAGS) if (filters[key]) params[key] = filters[key];
  if (filters.from) params.receivedFrom = fromBeijing(filters.from);
  // The last day is included: received before the start of the day after.
  if (filters.to) params.receivedTo = fromBeijing(addDays(filters.to, 1));
  return params;
}

/** The form field an API error path belongs to (the dates are named differently there). */
export const fieldOfApiPath = (path: string): string => ({ receivedFrom: 'from', receivedTo: 'to' })[path] ?? path.split('.')[0] ?? path;
