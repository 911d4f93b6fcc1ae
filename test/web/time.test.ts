import t from 'tap';
import { addDays, chinaDate, clock, dateTime, fromBeijing, relative } from '../../services/web/src/lib/time.js';

// Pages show Beijing time whatever the machine's zone: these instants are chosen across a China midnight.
t.test('dateTime and chinaDate read an instant in Beijing time', async (t) => {
  t.equal(dateTime('2026-12-01T16:30:00Z'), '2026-12-02 00:30');
  t.equal(chinaDate('2026-12-01T16:30:00Z'), '2026-12-02');
  t.equal(chinaDate('2026-12-01T15:59:59Z'), '2026-12-01');
  t.equal(clock('2026-12-01T01:05:00Z'), '09:05');
  t.equal(dateTime(undefined), '—');
  t.equal(dateTime(''), '—');
});

t.test('fromBeijing turns a form’s wall-clock day and time into the instant', async (t) => {
  t.equal(fromBeijing('2026-12-02', '08:30'), '2026-12-02T00:30:00.000Z');
  t.equal(fromBeijing('2026-12-02'), '2026-12-01T16:00:00.000Z');
});

t.test('addDays crosses month and year ends on the China calendar', async (t) => {
  t.equal(addDays('2026-12-31', 1), '2027-01-01');
  t.equal(addDays('2026-03-01', -1), '2026-02-28');
});

t.test('relative says how far off an instant is, in the reader’s language', async (t) => {
  const now = Date.parse('2026-12-02T00:00:00Z');
  t.equal(relative('2026-12-02T03:00:00Z', 'en', now), 'in 3 hours');
  t.equal(relative('2026-11-30T00:00:00Z', 'en', now), '2 days ago');
  t.equal(relative('2026-12-02T00:00:20Z', 'zh-CN', now), '20秒钟后');
});
