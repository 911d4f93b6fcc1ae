import { createApp } from 'vue';
import 'element-plus/dist/index.css';
import './styles.css';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { whenUnauthenticated } from './api/client';
import { session } from './api/session';

whenUnauthenticated(() => {
  // The session ended elsewhere (signed out, expired, switched off): sign in again and come back.
  session.me = null;
  const here = router.currentRoute.value;
  if (here.meta.roles) void router.push({ path: '/sign-in', query: { next: here.fullPath } });
});

document.documentElement.lang = i18n.global.locale.value;
createApp(App).use(i18n).use(router).mount('#app');
