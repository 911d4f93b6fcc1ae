import type { Area } from '../types';

/** The deputy area: filled in by its pages. */
export const deputyArea: Area = {
  routes: [],
  nav: [],
  messages: { 'zh-CN': { deputy: {} }, en: { deputy: {} } },
};
