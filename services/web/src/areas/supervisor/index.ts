import type { Area } from '../types';
import { messages } from './messages';

/**
 * The supervisors' area: the live dashboard and the case list with
 * assignment and 督办. Each page is its own chunk, so ECharts is loaded
 * only by the dashboard, never by the public pages.
 */
export const supervisorArea: Area = {
  routes: [
    {
      path: '/dashboard',
      component: () => import('./DashboardPage.vue'),
      meta: { title: 'supervisor.dashboard.title', roles: ['supervisor', 'admin', 'auditor'] },
    },
    {
      path: '/cases',
      component: () => import('./CaseListPage.vue'),
      meta: { title: 'supervisor.list.title', roles: ['supervisor', 'admin', 'auditor', 'staff'] },
    },
  ],
  nav: [
    { to: '/dashboard', label: 'supervisor.nav.dashboard', roles: ['supervisor', 'admin'] },
    { to: '/cases', label: 'supervisor.nav.cases', roles: ['supervisor', 'admin'] },
  ],
  messages,
};
