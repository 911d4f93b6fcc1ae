import { createI18n } from 'vue-i18n';

/** The areas' words: plain nested objects of strings. */
type Words = { [key: string]: string | Words };
import { common } from './messages';
import { areas } from './areas';

const LOCALE_KEY = 'huiyin.locale';
export type Locale = 'zh-CN' | 'en';

const merged = { 'zh-CN': { ...common['zh-CN'] }, en: { ...common.en } } as Record<Locale, Record<string, unknown>>;
for (const area of areas) {
  Object.assign(merged['zh-CN'], area.messages['zh-CN']);
  Object.assign(merged.en, area.messages.en);
}

/** Chinese unless the reader chose English on this device. */
const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(LOCALE_KEY);
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: merged as Record<Locale, Words>,
  missingWarn: false,
  fallbackWarn: false,
});

/** Translates outside components (titles, messages from plain code). */
export const translate = (key: string, values?: Record<string, unknown>): string => (values ? i18n.global.t(key, values) : i18n.global.t(key));

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale;
}
