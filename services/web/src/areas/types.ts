import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../api/session';

/** What an area of the app brings: its pages, its menu entries, its words. */
export interface Area {
  routes: RouteRecordRaw[];
  nav: NavItem[];
  messages: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> };
}

export interface NavItem {
  to: string;
  /** An i18n key. */
  label: string;
  /** Who sees it; absent: everyone, signed in or not. */
  roles?: Role[];
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Who may open the page; absent: anyone, without signing in. */
    roles?: Role[];
    /** An i18n key for the page's title (the tab and the heading). */
    title?: string;
    /** Drawn without the app's menu (the printable flow chart). */
    bare?: boolean;
  }
}
