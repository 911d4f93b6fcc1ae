import type { Area } from '../types';
import { messages } from './messages';

/** The case page everyone acts on (the case list at /cases belongs to the supervisor's area). */
export const casesArea: Area = {
  routes: [
    {
      path: '/cases/:id',
      component: () => import('./CasePage.vue'),
      meta: { title: 'cases.title', roles: ['staff', 'deputy', 'supervisor', 'admin', 'auditor'] },
    },
  ],
  nav: [],
  messages,
};
