import type { CalendarYear } from '../../contracts/calendar.js';

/** Every date from `first` to `last`, both included. */
function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= Date.parse(`${last}T00:00:00Z`); ms += 86_400_000) {
    out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * The years Huiyin ships, as the State Council's notice on public holidays
 * set them; an administrator's calendar for a year (kept in the directory)
 * takes the place of the one shipped.
 */
export const officialCalendars: readonly CalendarYear[] = [
  {
    year: 2026,
    holidays: [
      ...days('2026-01-01', '2026-01-03'), // 元旦
      ...days('2026-02-15', '2026-02-23'), // 春节
      ...days('2026-04-04', '2026-04-06'), // 清明节
      ...days('2026-05-01', '2026-05-05'), // 劳动节
      ...days('2026-06-19', '2026-06-21'), // 端午节
      ...days('2026-09-25', '2026-09-27'), // 中秋节
      ...days('2026-10-01', '2026-10-07'), // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
  },
];
