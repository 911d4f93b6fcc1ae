import t from 'tap';
import { caseSteps, debounce, firstField, lastFourDigits, mayCancel, moveActive, percent, slotsByDay, tidyCode } from '../../services/web/src/areas/public/logic.js';
import { chainText, matchesOf } from '../../services/web/src/areas/public/matches.js';
import type { PublicCaseView } from '../../contracts/online-station.js';

const view = (over: Partial<PublicCaseView>): PublicCaseView => ({
  trackingCode: 'ABCD-EFGH',
  statusGroup: 'open',
  statusText: '已受理',
  stationName: '蟠龙镇人大代表联络站',
  categoryName: '其他',
  receivedAt: '2026-12-01T02:00:00.000Z',
  replyDueBy: '2026-12-08T02:00:00.000Z',
  acknowledgedAt: null,
  answeredAt: null,
  closedAt: null,
  replies: [],
  pressCount: 0,
  lastPressedAt: null,
  canPress: true,
  ...over,
});

t.test('the step line says where a matter is', async (t) => {
  t.same(caseSteps(view({})).map((s) => s.state), ['done', 'current', 'todo', 'todo'], 'received: handling is next');
  t.same(
    caseSteps(view({ acknowledgedAt: '2026-12-02T02:00:00.000Z', statusText: '办理中' })).map((s) => s.state),
    ['done', 'done', 'current', 'todo'],
  );
  const answered = caseSteps(view({ statusGroup: 'answered', answeredAt: '2026-12-03T02:00:00.000Z', statusText: '已答复' }));
  t.same(answered.map((s) => s.state), ['done', 'done', 'done', 'current'], 'answered without an acknowledgement was handled by then');
  t.equal(answered[1]!.at, '2026-12-03T02:00:00.000Z');
  const closed = caseSteps(view({ statusGroup: 'closed', closedAt: '2026-12-05T02:00:00.000Z', statusText: '已办结' }));
  t.ok(closed.every((s) => s.state === 'done'), 'a closed matter has every step done');
});

t.test('codes and digits as people type them', async (t) => {
  t.equal(tidyCode(' abcd efgh '), 'ABCD-EFGH');
  t.equal(tidyCode('abcd-efgh'), 'ABCD-EFGH');
  t.equal(tidyCode('abc'), 'ABC', 'a short code is left for the check to name');
  t.equal(lastFourDigits('138-0000 1234'), '1234');
  t.equal(lastFourDigits('+86 139 0000 5678'), '5678');
});

t.test('the arrow keys walk the matches and wrap', async (t) => {
  t.equal(moveActive(-1, 1, 3), 0);
  t.equal(moveActive(-1, -1, 3), 2);
  t.equal(moveActive(2, 1, 3), 0);
  t.equal(moveActive(0, -1, 3), 2);
  t.equal(moveActive(0, 1, 0), -1, 'nothing to walk');
});

t.test('typing is asked once per pause', async (t) => {
  const calls: string[] = [];
  const later = debounce((text: string) => calls.push(text), 20);
  later.call('f');
  later.call('fn');
  later.call('fnc');
  await new Promise((resolve) => setTimeout(resolve, 60));
  t.same(calls, ['fnc']);
  later.call('x');
  later.cancel();
  await new Promise((resolve) => setTimeout(resolve, 40));
  t.same(calls, ['fnc'], 'a cancelled call never runs');
});

t.test('rates, slots, bookings and forms', async (t) => {
  const formula = { version: 1, en: '', zh: '' };
  t.equal(percent({ value: 2 / 3, numerator: 2, denominator: 3, formula }), '66.7%');
  t.equal(percent({ value: null, numerator: 1, denominator: 2, formula, insufficientData: true }), null);
  // 23:30 UTC is the next morning in Beijing: the slot belongs to that day.
  const days = slotsByDay([
    { start: '2026-12-07T23:30:00.000Z' },
    { start: '2026-12-07T02:30:00.000Z' },
    { start: '2026-12-07T02:00:00.000Z' },
  ]);
  t.same(days.map((d) => [d.day, d.slots.length]), [['2026-12-07', 2], ['2026-12-08', 1]]);
  t.equal(days[0]!.slots[0]!.start, '2026-12-07T02:00:00.000Z', 'in time order');
  t.ok(mayCancel('requested'));
  t.ok(mayCancel('confirmed'));
  t.notOk(mayCancel('cancelled'));
  t.notOk(mayCancel('held'));
  t.equal(firstField({ summary: 'x', phone: 'y' }, ['name', 'phone', 'summary']), 'phone');
  t.equal(firstField({ recipient: 'x' }, ['name']), 'recipient');
});

t.test('the finder lists places before deputies', async (t) => {
  const station = { id: 's', name: 'S', kind: 'station' as const, areaCode: '1', address: 'A', deputies: [], nextReception: null };
  const matches = matchesOf({
    places: [{ code: '520221104202', name: '法那村', chain: [{ code: '520221', name: '水城区' }, { code: '520221104', name: '蟠龙镇' }], stations: [station] }],
    deputies: [{ id: 'dep-zhou-lan', name: '周兰', level: 'township', stations: [station] }],
  });
  t.same(matches.map((m) => m.key), ['place:520221104202', 'deputy:dep-zhou-lan']);
  const place = matches[0]!;
  t.equal(place.kind === 'place' ? chainText(place.place) : '', '水城区 › 蟠龙镇');
});
