import type { RouteLocationRaw } from 'vue-router';

/** Where a citizen goes from a deputy or a station: the name rides along so the next page can greet them by it. */
export const messageDeputy = (id: string, name: string): RouteLocationRaw => ({ path: '/message', query: { deputy: id, name } });
export const messageStation = (id: string, name: string): RouteLocationRaw => ({ path: '/message', query: { station: id, name } });
export const bookDeputy = (id: string, name: string): RouteLocationRaw => ({ path: '/appointment', query: { deputy: id, name } });
export const stationPage = (id: string): RouteLocationRaw => ({ path: `/stations/${encodeURIComponent(id)}` });
/** The phone digits go in the history state, never the address, so they are not kept in logs or shared links. */
export const trackPage = (code: string, phone4?: string): RouteLocationRaw => ({ path: `/track/${encodeURIComponent(code)}`, state: phone4 ? { phone4 } : {} });
