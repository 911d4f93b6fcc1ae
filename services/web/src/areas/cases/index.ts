import type { Area } from '../types';

/** The cases area: filled in by its pages. */
export const casesArea: Area = {
  routes: [],
  nav: [],
  messages: { 'zh-CN': { cases: {} }, en: { cases: {} } },
};
