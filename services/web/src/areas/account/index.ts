import type { Area } from '../types';
import { messages } from './messages';

/** Signing in and out, the first password's change, and the pages for a wrong turn. */
export const accountArea: Area = {
  routes: [
    { path: '/sign-in', component: () => import('./SignInPage.vue'), meta: { title: 'account.signIn' } },
    {
      path: '/password',
      component: () => import('./ChangePasswordPage.vue'),
      meta: { title: 'account.changePassword', roles: ['staff', 'deputy', 'supervisor', 'auditor', 'admin'] },
    },
  ],
  nav: [],
  messages,
};
