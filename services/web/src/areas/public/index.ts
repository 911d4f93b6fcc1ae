import type { Area } from '../types';

/** The public area: filled in by its pages. */
export const publicArea: Area = {
  routes: [],
  nav: [],
  messages: { 'zh-CN': { public: {} }, en: { public: {} } },
};
