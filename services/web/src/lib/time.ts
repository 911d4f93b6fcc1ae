/**
 * Every date and time a person reads is Beijing time, whatever the
 * browser's own zone: a deputy abroad and a station in Yunnan see the same
 * deadline.
 */
const ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: ZONE, ...options })));
  return f;
}

const asDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

/** 2026-12-02 14:05 */
export function dateTime(value: string | number | Date | undefined | null, locale = 'zh-CN'): string {
  if (value === undefined || value === null || value === '') return '—';
  const parts = format(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(asDate(value));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** 2026-12-02 — the China calendar day of an instant. */
export function chinaDate(value: string | number | Date = new Date()): string {
  const parts = format('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(asDate(value));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** 14:05 in Beijing. */
export function clock(value: string | number | Date): string {
  return format('zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(asDate(value));
}

/** A China day plus n days, as a date string. */
export function addDays(day: string, n: number): string {
  const at = new Date(`${day}T12:00:00+08:00`);
  at.setUTCDate(at.getUTCDate() + n);
  return chinaDate(at);
}

/** A Beijing wall-clock date and time (from a form) as an ISO instant. */
export function fromBeijing(day: string, time = '00:00'): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString();
}

/** "in 3 h" / "2 d ago" in the reader's language. */
export function relative(value: string | number | Date, locale = 'zh-CN', now = Date.now()): string {
  const seconds = Math.round((asDate(value).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}
