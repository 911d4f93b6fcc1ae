import type { Area } from '../types';
import { messages } from './messages';

/** A deputy's phone: my work, my notifications, my duty diary, my 三个一. */
export const deputyArea: Area = {
  routes: [
    { path: '/me', component: () => import('./MyWorkPage.vue'), meta: { title: 'deputy.work.title', roles: ['deputy'] } },
    {
      path: '/me/notifications',
      component: () => import('./NotificationsPage.vue'),
      meta: { title: 'deputy.notifications.title', roles: ['deputy', 'staff', 'supervisor'] },
    },
    { path: '/me/diary', component: () => import('./DiaryPage.vue'), meta: { title: 'deputy.diary.title', roles: ['deputy'] } },
    { path: '/me/three-ones', component: () => import('./ThreeOnesPage.vue'), meta: { title: 'deputy.threeOnes.title', roles: ['deputy'] } },
  ],
  nav: [
    { to: '/me', label: 'deputy.nav.work', roles: ['deputy'] },
    { to: '/me/notifications', label: 'deputy.nav.notifications', roles: ['deputy', 'staff', 'supervisor'] },
    { to: '/me/diary', label: 'deputy.nav.diary', roles: ['deputy'] },
    { to: '/me/three-ones', label: 'deputy.nav.threeOnes', roles: ['deputy'] },
  ],
  messages,
};
