import type { Area } from '../types';
import { messages } from './messages';

/** A station's desk: today's reception, the registration form, and the station's open cases. */
export const stationArea: Area = {
  routes: [
    { path: '/station', component: () => import('./BoardPage.vue'), meta: { title: 'station.title.board', roles: ['staff', 'admin'] } },
    { path: '/station/visit', component: () => import('./VisitPage.vue'), meta: { title: 'station.title.visit', roles: ['staff', 'admin'] } },
    { path: '/station/cases', component: () => import('./CasesPage.vue'), meta: { title: 'station.title.cases', roles: ['staff', 'admin'] } },
  ],
  nav: [
    { to: '/station', label: 'station.nav.board', roles: ['staff'] },
    { to: '/station/visit', label: 'station.nav.visit', roles: ['staff'] },
    { to: '/station/cases', label: 'station.nav.cases', roles: ['staff'] },
  ],
  messages,
};
