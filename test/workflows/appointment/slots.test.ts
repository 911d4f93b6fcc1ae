import t from 'tap';
import { offeredSlots } from '../../../workflows/appointment/index.js';
import { minutesFrom, reception } from './fixtures/calendar.js';

const now = '2026-06-15T00:40:00.000Z';
const monday = '2026-06-15T01:00:00.000Z';
const window = { from: '2026-06-14T00:00:00.000Z', to: '2026-06-22T00:00:00.000Z', now };
const starts = (slots: { start: string }[]) => slots.map((s) => s.start);

t.test('slots › a reception where the deputy is on duty is cut into 30-minute slots, a short rest dropped', async (t) => {
  const slots = offeredSlots([reception('st-baichehe', monday, 100, ['dep-li'])], 'dep-li', window, new Set());
  t.same(starts(slots), [monday, minutesFrom(monday, 30), minutesFrom(monday, 60)]);
  t.same(slots[0], { start: monday, end: minutesFrom(monday, 30), stationId: 'st-baichehe' });
});

t.test('slots › none where the deputy is not on duty or the reception is called off', async (t) => {
  t.same(offeredSlots([reception('st-panlong', monday, 60, ['dep-luo'])], 'dep-li', window, new Set()), []);
  t.same(offeredSlots([reception('st-panlong', monday, 60, ['dep-li'], true)], 'dep-li', window, new Set()), []);
});

t.test('slots › taken slots and slots already begun are not offered', async (t) => {
  const begun = reception('st-baichehe', minutesFrom(now, -10), 90, ['dep-li']);
  const slots = offeredSlots([begun], 'dep-li', window, new Set([minutesFrom(now, 20)]));
  t.same(starts(slots), [minutesFrom(now, 50)], 'the begun slot and the taken one are left out');
});

t.test('slots › only starts inside the window, each start once across stations', async (t) => {
  const both = [reception('st-baichehe', monday, 60, ['dep-li']), reception('st-panlong', monday, 60, ['dep-li'])];
  t.same(starts(offeredSlots(both, 'dep-li', window, new Set())), [monday, minutesFrom(monday, 30)]);
  const narrow = { ...window, from: minutesFrom(monday, 30), to: minutesFrom(monday, 31) };
  t.same(starts(offeredSlots(both, 'dep-li', narrow, new Set())), [minutesFrom(monday, 30)]);
});
