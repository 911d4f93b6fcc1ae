import t from 'tap';
import { receptionsBetween, type RotaContext } from '../../../workflows/rota/index.js';

// Worked out on a paper calendar: 1 June 2026 is a Monday, so the Mondays
// from late May into July are 25 May, 1, 8, 15, 22, 29 June and 6 July.
// 9:00 in China is 01:00 UTC the same day; 7:30 in China is 23:30 UTC the day before.
const monday = { weekday: 1, start: '09:00', end: '12:00', deputyIds: ['dep-hu', 'dep-wu'] };
const rota = (over: Partial<RotaContext> = {}): RotaContext => ({
  stationId: 'st-fana',
  schedules: [{ effectiveFrom: '2026-05-01', sessions: [monday], publishDaysAhead: 14 }],
  dateChanges: {},
  ...over,
});
const brief = (r: { date: string; start: string; end: string; deputyIds: string[]; cancelled: boolean; note?: string }) =>
  [r.date, r.start, r.end, r.deputyIds.join('+'), r.cancelled ? 'cancelled' : 'held', ...(r.note ? [r.note] : [])].join(' ');

t.test('reception calendar › every Monday across a month boundary, in China time', async (t) => {
  const found = receptionsBetween(rota(), '2026-05-26T00:00:00.000Z', '2026-07-07T00:00:00.000Z');
  t.same(found.map(brief), [
    '2026-06-01 2026-06-01T01:00:00.000Z 2026-06-01T04:00:00.000Z dep-hu+dep-wu held',
    '2026-06-08 2026-06-08T01:00:00.000Z 2026-06-08T04:00:00.000Z dep-hu+dep-wu held',
    '2026-06-15 2026-06-15T01:00:00.000Z 2026-06-15T04:00:00.000Z dep-hu+dep-wu held',
    '2026-06-22 2026-06-22T01:00:00.000Z 2026-06-22T04:00:00.000Z dep-hu+dep-wu held',
    '2026-06-29 2026-06-29T01:00:00.000Z 2026-06-29T04:00:00.000Z dep-hu+dep-wu held',
    '2026-07-06 2026-07-06T01:00:00.000Z 2026-07-06T04:00:00.000Z dep-hu+dep-wu held',
  ]);
  t.ok(found.every((r) => r.stationId === 'st-fana'));
});

t.test('reception calendar › the range is on start times, [from, to)', async (t) => {
  const found = receptionsBetween(rota(), '2026-06-01T01:00:00.000Z', '2026-06-15T01:00:00.000Z');
  t.same(found.map((r) => r.date), ['2026-06-01', '2026-06-08'], 'starts at from: in; starts at to: out');
  t.same(receptionsBetween(rota(), '2026-06-01T01:00:00.001Z', '2026-06-08T00:00:00.000Z'), [], 'a range between two sittings is empty');
});

t.test('reception calendar › an early sitting belongs to its China date, not the UTC one', async (t) => {
  const early = rota({ schedules: [{ effectiveFrom: '2026-05-01', sessions: [{ ...monday, start: '07:30', end: '08:30' }], publishDaysAhead: 14 }] });
  const found = receptionsBetween(early, '2026-05-31T00:00:00.000Z', '2026-06-02T00:00:00.000Z');
  t.same(found.map(brief), ['2026-06-01 2026-05-31T23:30:00.000Z 2026-06-01T00:30:00.000Z dep-hu+dep-wu held']);
});

t.test('reception calendar › a cancelled Monday, an added Saturday and a changed duty deputy', async (t) => {
  const changed = rota({
    dateChanges: {
      '2026-06-08': [{ date: '2026-06-08', cancelled: true, note: '村委会换届' }],
      '2026-06-13': [{ date: '2026-06-13', cancelled: false, start: '14:00', end: '17:00', deputyIds: ['dep-hu'], note: '赶场天' }],
      '2026-06-15': [{ date: '2026-06-15', cancelled: false, deputyIds: ['dep-li', 'dep-wu'] }],
    },
  });
  const found = receptionsBetween(changed, '2026-06-01T00:00:00.000Z', '2026-06-16T00:00:00.000Z');
  t.same(found.map(brief), [
    '2026-06-01 2026-06-01T01:00:00.000Z 2026-06-01T04:00:00.000Z dep-hu+dep-wu held',
    '2026-06-08 2026-06-08T01:00:00.000Z 2026-06-08T04:00:00.000Z dep-hu+dep-wu cancelled 村委会换届',
    '2026-06-13 2026-06-13T06:00:00.000Z 2026-06-13T09:00:00.000Z dep-hu held 赶场天',
    '2026-06-15 2026-06-15T01:00:00.000Z 2026-06-15T04:00:00.000Z dep-li+dep-wu held',
  ]);
});

t.test('reception calendar › the latest change of a date holds; a cancelled added day still shows, cancelled', async (t) => {
  const changed = rota({
    dateChanges: {
      '2026-06-13': [
        { date: '2026-06-13', cancelled: false, start: '14:00', end: '17:00', deputyIds: ['dep-hu'] },
        { date: '2026-06-13', cancelled: true, note: '下雨' },
      ],
      '2026-06-15': [
        { date: '2026-06-15', cancelled: true },
        { date: '2026-06-15', cancelled: false, start: '10:00', end: '11:00' },
      ],
    },
  });
  const found = receptionsBetween(changed, '2026-06-13T00:00:00.000Z', '2026-06-16T00:00:00.000Z');
  t.same(found.map(brief), [
    '2026-06-13 2026-06-13T06:00:00.000Z 2026-06-13T09:00:00.000Z dep-hu cancelled 下雨',
    '2026-06-15 2026-06-15T02:00:00.000Z 2026-06-15T03:00:00.000Z dep-hu+dep-wu held',
  ]);
});

t.test('reception calendar › each date follows the pattern in force on it', async (t) => {
  const thursday = { weekday: 4, start: '15:00', end: '17:00', deputyIds: ['dep-li'] };
  const moved = rota({
    schedules: [
      { effectiveFrom: '2026-05-01', sessions: [monday], publishDaysAhead: 14 },
      { effectiveFrom: '2026-06-10', sessions: [thursday], publishDaysAhead: 14 },
    ],
  });
  const found = receptionsBetween(moved, '2026-06-01T00:00:00.000Z', '2026-06-19T00:00:00.000Z');
  t.same(found.map((r) => `${r.date} ${r.deputyIds.join('+')}`), ['2026-06-01 dep-hu+dep-wu', '2026-06-08 dep-hu+dep-wu', '2026-06-11 dep-li', '2026-06-18 dep-li']);
  t.same(receptionsBetween(rota({ schedules: [] }), '2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'), [], 'no rota, no receptions');
});

t.test('reception calendar › two sittings on one day come in order, and a year-end boundary holds', async (t) => {
  const twice = rota({
    schedules: [{ effectiveFrom: '2026-01-01', sessions: [{ ...monday, weekday: 4, start: '14:00', end: '17:00' }, { ...monday, weekday: 4 }], publishDaysAhead: 14 }],
  });
  // 31 December 2026 is a Thursday; 7 January 2027 too.
  const found = receptionsBetween(twice, '2026-12-30T16:00:00.000Z', '2027-01-08T16:00:00.000Z');
  t.same(found.map((r) => `${r.date} ${r.start}`), [
    '2026-12-31 2026-12-31T01:00:00.000Z',
    '2026-12-31 2026-12-31T06:00:00.000Z',
    '2027-01-07 2027-01-07T01:00:00.000Z',
    '2027-01-07 2027-01-07T06:00:00.000Z',
  ]);
});
