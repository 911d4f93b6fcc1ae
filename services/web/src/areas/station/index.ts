import type { Area } from '../types';

/** The station area: filled in by its pages. */
export const stationArea: Area = {
  routes: [],
  nav: [],
  messages: { 'zh-CN': { station: {} }, en: { station: {} } },
};
