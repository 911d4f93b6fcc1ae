import type { Area } from '../types';
import { messages } from './messages';

const auditing = ['auditor', 'supervisor', 'admin'] as const;

/** The auditor's bench (a case's whole record and its hash chain) and the workflow chart for the station wall. */
export const auditorArea: Area = {
  routes: [
    { path: '/audit', component: () => import('./AuditFindPage.vue'), meta: { title: 'auditor.find.title', roles: [...auditing] } },
    { path: '/audit/:id', component: () => import('./AuditCasePage.vue'), meta: { title: 'auditor.audit.title', roles: [...auditing] } },
    { path: '/workflow', component: () => import('./WorkflowPage.vue'), meta: { title: 'auditor.flow.title' } },
    { path: '/workflow/print', component: () => import('./WorkflowPrintPage.vue'), meta: { title: 'auditor.flow.printTitle', bare: true } },
  ],
  nav: [
    { to: '/audit', label: 'auditor.nav.audit', roles: ['auditor'] },
    { to: '/workflow', label: 'auditor.nav.workflow', roles: ['staff', 'deputy', 'supervisor', 'auditor', 'admin'] },
  ],
  messages,
};
