import type { Area } from '../types';

/** The auditor area: filled in by its pages. */
export const auditorArea: Area = {
  routes: [],
  nav: [],
  messages: { 'zh-CN': { auditor: {} }, en: { auditor: {} } },
};
