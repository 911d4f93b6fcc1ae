import type { Area } from '../types';

/** The supervisor area: filled in by its pages. */
export const supervisorArea: Area = {
  routes: [],
  nav: [],
  messages: { 'zh-CN': { supervisor: {} }, en: { supervisor: {} } },
};
