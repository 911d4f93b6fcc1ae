import t from 'tap';
import { calendarYearInputFor, calendarYearSchema } from '../../../contracts/calendar.js';
import { officialCalendars } from '../../../workflows/time/official-calendars.js';
import { WorkingCalendar, chinaDateOf } from '../../../workflows/time/working-days.js';

const calendar = new WorkingCalendar(officialCalendars);
/** `count` working days after a China-time moment, as the China-time date and hour it falls at. */
const after = (china: string, count: number, endsAt = '18:00') =>
  new Date(calendar.addWorkingDays(Date.parse(`${china}+08:00`), count, endsAt) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

t.test('working calendar › the shipped 2026 calendar is a valid year as an administrator would enter it', async (t) => {
  const parsed = calendarYearSchema.safeParse(officialCalendars[0]);
  t.ok(parsed.success, parsed.success ? 'valid' : JSON.stringify(parsed.error.issues));
  t.equal(officialCalendars[0]!.holidays.length, 33, '3 + 9 + 3 + 5 + 3 + 3 + 7 days off');
  t.ok(calendar.knows(2026));
  t.notOk(calendar.knows(2027), 'a year nobody has entered');
});

t.test('working calendar › which days are worked', async (t) => {
  t.notOk(calendar.isWorkingDay('2026-02-16'), 'a Monday of the Spring Festival');
  t.ok(calendar.isWorkingDay('2026-02-14'), 'the make-up Saturday before it');
  t.ok(calendar.isWorkingDay('2026-02-28'), 'and the one after');
  t.notOk(calendar.isWorkingDay('2026-03-07'), 'an ordinary Saturday');
  t.ok(calendar.isWorkingDay('2026-09-20'), 'the make-up Sunday before National Day');
  t.notOk(calendar.isWorkingDay('2026-10-05'), 'a Monday of National Day');
  t.ok(calendar.isWorkingDay('2027-03-01'), 'a Monday of a year without a calendar');
  t.notOk(calendar.isWorkingDay('2027-03-06'), 'and its Saturday');
});

t.test('working calendar › deadlines counted in working days', async (t) => {
  t.equal(after('2026-03-02T10:00:00', 7), '2026-03-11 18:00', 'Monday + 7: the day of receipt is not counted');
  t.equal(after('2026-03-06T23:30:00', 1), '2026-03-09 18:00', 'a Friday night: the next Monday');
  t.equal(after('2026-03-07T09:00:00', 1), '2026-03-09 18:00', 'a Saturday: the Monday is the first day');
  // Received Thursday 12 Feb: Friday 13 and the make-up Saturday 14 count,
  // then nine days off, then 24, 25, 26, 27 and the make-up Saturday 28.
  t.equal(after('2026-02-12T15:00:00', 7), '2026-02-28 18:00', 'across the Spring Festival, make-up Saturdays counted');
  t.equal(after('2026-02-12T15:00:00', 3), '2026-02-24 18:00', 'three days span the whole holiday');
  t.equal(after('2026-09-30T08:00:00', 1), '2026-10-08 18:00', 'the eve of National Day: the first day after the holiday');
  t.equal(after('2026-09-18T10:00:00', 1), '2026-09-20 18:00', 'a Friday before the make-up Sunday');
  t.equal(after('2026-12-30T10:00:00', 3), '2027-01-04 18:00', 'into a year without a calendar: weekends only');
  t.equal(after('2026-03-02T10:00:00', 1, '17:30'), '2026-03-03 17:30', 'the working day ends when the area says');
});

t.test('working calendar › the China-time day decides, not the UTC one', async (t) => {
  // 2026-03-06 17:00 UTC is Saturday 01:00 in China.
  t.equal(chinaDateOf(Date.parse('2026-03-06T17:00:00Z')), '2026-03-07');
  t.equal(after('2026-03-07T01:00:00', 1), '2026-03-09 18:00');
  t.throws(() => calendar.addWorkingDays(0, 0, '18:00'), RangeError, 'at least one working day');
  t.throws(() => calendar.addWorkingDays(0, 1.5, '18:00'), RangeError);
});

t.test('working calendar › an entered year is checked before it is kept, naming every bad date at once', async (t) => {
  const bad = calendarYearInputFor(2027).safeParse({
    holidays: ['2026-12-31', '2027-02-30', '2027-01-01'],
    workdays: ['2027-03-03', '2027-01-01', '2027-02-06'],
  });
  t.notOk(bad.success);
  t.same(bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort(), [
    'holidays.0: must fall in 2027',
    'holidays.1: Invalid ISO date',
    'workdays.0: is a weekday: only a Saturday or Sunday can be made a working day',
    'workdays.1: is a weekday: only a Saturday or Sunday can be made a working day',
    'workdays.1: is also listed as a holiday',
  ]);
  const both = calendarYearInputFor(2027).safeParse({ holidays: ['2027-02-06'], workdays: ['2027-02-06'] });
  t.match(both.error!.issues, [{ path: ['workdays', 0], message: 'is also listed as a holiday' }], 'a Saturday both off and worked');
  const repeated = calendarYearInputFor(2027).safeParse({ holidays: ['2027-01-01', '2027-01-01'], workdays: [] });
  t.match(repeated.error!.issues, [{ path: ['holidays'], message: 'dates must not repeat' }]);
  t.notOk(calendarYearSchema.safeParse({ year: 2027, holidays: ['2026-12-31'], workdays: [] }).success, 'a whole year is held to the same rules');
});

t.test('working calendar › answers it keeps are the answers it would count again', async (t) => {
  // One calendar asked everything twice, in two orders, across the kept
  // answers' limit; each answer against a calendar that never answered before.
  const asked = new WorkingCalendar(officialCalendars);
  const moments: Array<[number, number, string]> = [];
  for (let day = 0; day < 400; day++) {
    for (const count of [1, 3, 7, 15]) {
      // A China-time day's first and last millisecond.
      for (const [offset, endsAt] of [[0, '17:00'], [86_399_999, '18:00']] as const) {
        moments.push([Date.parse('2026-01-01T00:00:00+08:00') + day * 86_400_000 + offset, count, endsAt]);
      }
    }
  }
  const wrong: string[] = [];
  for (const order of [moments, [...moments].reverse()]) {
    for (const [fromMs, count, endsAt] of order) {
      const kept = asked.addWorkingDays(fromMs, count, endsAt);
      const counted = new WorkingCalendar(officialCalendars).addWorkingDays(fromMs, count, endsAt);
      if (kept !== counted) wrong.push(`${new Date(fromMs).toISOString()} + ${count}: ${kept} ≠ ${counted}`);
    }
  }
  t.same(wrong.slice(0, 5), [], `${moments.length * 2} answers, the same at every day's first and last millisecond`);
});
