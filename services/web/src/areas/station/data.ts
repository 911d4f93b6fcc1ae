import type { z } from 'zod';
import { get, query } from '../../api/client';
import { session } from '../../api/session';
import type { Category, Deputy, Station } from '../../../../../contracts/directory';
import type { receptionList } from '../../../../../contracts/receptions';
import type { visitPage } from '../../../../../contracts/visits';
import type { caseListPage } from '../../../../../contracts/case/list';
import type { appointmentPage } from '../../../../../contracts/appointments-http';

export type ReceptionList = z.infer<typeof receptionList>;
export type VisitPage = z.infer<typeof visitPage>;
export type CasePage = z.infer<typeof caseListPage>;
export type AppointmentPage = z.infer<typeof appointmentPage>;

/**
 * The log position of this tab's last write. Lists read after a write ask
 * for it (minPosition), so a visit just registered is on the board and its
 * cases in the list at once, not a moment later.
 */
let lastWrite: number | undefined;
export const noteWrite = (position: number | undefined): void => {
  if (position !== undefined && (lastWrite === undefined || position > lastWrite)) lastWrite = position;
};
export const minPosition = (): number | undefined => lastWrite;

/** The stations this person works at, in the order their account lists them; an administrator, every station. */
export async function myStations(signal?: AbortSignal): Promise<Station[]> {
  const all = (await get<{ items: Station[] }>('/api/stations', signal)).items;
  const mine = session.me?.stations ?? [];
  if (mine.length === 0) return all;
  return mine.map((id) => all.find((s) => s.id === id)).filter((s): s is Station => s !== undefined);
}

export async function deputiesOf(stationId: string, signal?: AbortSignal): Promise<Deputy[]> {
  return (await get<{ items: Deputy[] }>(`/api/deputies${query({ station: stationId })}`, signal)).items;
}

/** Every deputy's name by id, read once per page load: a reception may name a deputy standing in from elsewhere. */
let deputyNames: Promise<Map<string, string>> | undefined;
export function deputyNameMap(): Promise<Map<string, string>> {
  deputyNames ??= get<{ items: Deputy[] }>('/api/deputies')
    .then((list) => new Map(list.items.map((d) => [d.id, d.name])))
    .catch((error: unknown) => {
      deputyNames = undefined;
      throw error;
    });
  return deputyNames;
}

/**
 * The categories a case at this station may take: its own area's and those
 * of every area above. A code defined at several levels is listed once, as
 * the nearest area defines it.
 */
export async function categoriesFor(areaCode: string, signal?: AbortSignal): Promise<Category[]> {
  const items = (await get<{ items: Category[] }>(`/api/categories${query({ area: areaCode })}`, signal)).items;
  const byCode = new Map<string, Category>();
  for (const c of [...items].sort((a, b) => a.areaCode.length - b.areaCode.length)) byCode.set(c.code, c);
  return [...byCode.values()].sort((a, b) => (a.code === 'other' ? 1 : b.code === 'other' ? -1 : 0));
}

export const receptionsOf = (stationId: string, from: string, to: string, signal?: AbortSignal) =>
  get<ReceptionList>(`/api/stations/${encodeURIComponent(stationId)}/receptions${query({ from, to })}`, signal);

export const visitsOn = (stationId: string, date: string, signal?: AbortSignal) =>
  get<VisitPage>(`/api/visits${query({ station: stationId, date, limit: 200, minPosition: minPosition() })}`, signal);

export const appointmentsBetween = (stationId: string, from: string, to: string, signal?: AbortSignal) =>
  get<AppointmentPage>(`/api/appointments${query({ station: stationId, from, to, limit: 200, minPosition: minPosition() })}`, signal);

export interface CaseFilter {
  stations: string[];
  status?: string;
  overdue?: boolean;
  pressed?: boolean;
}

/** One page of the open cases, oldest deadline first: what is due soonest is what staff chase first. */
export function openCases(filter: CaseFilter, cursor: string | undefined, signal?: AbortSignal) {
  const params = {
    station: filter.stations.join(','),
    ...(filter.status ? { status: filter.status } : { group: 'open' }),
    overdue: filter.overdue ? 'true' : undefined,
    pressed: filter.pressed ? 'true' : undefined,
    sort: 'due',
    order: 'asc',
    limit: 20,
    cursor,
    minPosition: minPosition(),
  };
  return get<CasePage>(`/api/cases${query(params)}`, signal);
}
