import type { Area } from '../types';
import { messages } from './messages';

/**
 * The online station (网上人大代表联络站): what any citizen opens on a
 * phone, without signing in — find their deputies, leave a message, book a
 * meeting, track a matter, see what is coming up and what a station has done.
 */
export const publicArea: Area = {
  routes: [
    { path: '/', component: () => import('./FinderPage.vue'), meta: { title: 'public.title.find' } },
    { path: '/message', component: () => import('./MessagePage.vue'), meta: { title: 'public.title.message' } },
    { path: '/appointment', component: () => import('./AppointmentPage.vue'), meta: { title: 'public.title.appointment' } },
    { path: '/track/:code?', component: () => import('./TrackPage.vue'), meta: { title: 'public.title.track' } },
    { path: '/activities', component: () => import('./ActivitiesPage.vue'), meta: { title: 'public.title.activities' } },
    { path: '/stations/:id', component: () => import('./StationPage.vue'), meta: { title: 'public.title.station' } },
  ],
  nav: [
    { to: '/', label: 'public.nav.find' },
    { to: '/message', label: 'public.nav.message' },
    { to: '/appointment', label: 'public.nav.appointment' },
    { to: '/track', label: 'public.nav.track' },
    { to: '/activities', label: 'public.nav.activities' },
  ],
  messages,
};
