import t from 'tap';
import { dayStartMs, periodKeys, segmentsOf } from '../../../projections/dashboard/periods.js';

const span = (from: string, to: string) => segmentsOf(dayStartMs(from), dayStartMs(to));

t.test('dashboard periods › a moment has its China-time hour, day, month and year', async (t) => {
  // 2026-12-31 17:30 UTC is already New Year's Day 01:30 in China.
  t.same(periodKeys(Date.parse('2026-12-31T17:30:00.000Z')), { h: '2027-01-01T01', d: '2027-01-01', m: '2027-01', y: '2027' });
});

t.test('dashboard periods › a period reads whole years, then whole months, then days', async (t) => {
  t.same(span('2026-01-01', '2027-01-01'), [{ grain: 'y', first: '2026', last: '2026' }], 'a calendar year is one row per figure');
  t.same(span('2025-01-01', '2027-01-01'), [{ grain: 'y', first: '2025', last: '2026' }], 'two years are one run of year keys');
  t.same(
    span('2025-11-15', '2027-02-03'),
    [
      { grain: 'd', first: '2025-11-15', last: '2025-11-30' },
      { grain: 'm', first: '2025-12', last: '2025-12' },
      { grain: 'y', first: '2026', last: '2026' },
      { grain: 'm', first: '2027-01', last: '2027-01' },
      { grain: 'd', first: '2027-02-01', last: '2027-02-02' },
    ],
    'days up to a month, months up to a year, the year, then back down',
  );
  t.same(span('2026-03-01', '2027-03-01'), [{ grain: 'm', first: '2026-03', last: '2027-02' }], 'twelve months not on a year’s edges stay months');
});
