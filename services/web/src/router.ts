import { createRouter, createWebHistory } from 'vue-router';
import { areas } from './areas';
import { homeOf, loadSession, session } from './api/session';
import { translate } from './i18n';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    ...areas.flatMap((area) => area.routes),
    { path: '/forbidden', component: () => import('./areas/account/ForbiddenPage.vue'), meta: { title: 'common.forbidden' } },
    { path: '/:rest(.*)*', component: () => import('./areas/account/NotFoundPage.vue'), meta: { title: 'common.notFound' } },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

/**
 * Pages that name roles need a session: without one, sign in and come back;
 * with a first password, change it first; with another role, a page that
 * says so rather than a blank one.
 */
router.beforeEach(async (to) => {
  if (!session.checked) await loadSession().catch(() => undefined);
  const roles = to.meta.roles;
  if (!roles) return true;
  const me = session.me;
  if (!me) return { path: '/sign-in', query: { next: to.fullPath } };
  if (me.mustChangePassword && to.path !== '/password') return { path: '/password', query: { next: to.fullPath } };
  if (!roles.includes(me.role)) return { path: '/forbidden', query: { from: to.fullPath } };
  return true;
});

router.afterEach((to) => {
  const t = translate;
  const title = to.meta.title ? t(to.meta.title) : '';
  document.title = title ? `${title} · ${t('app.name')}` : `${t('app.name')} · ${t('app.tagline')}`;
});

export { homeOf };
