import t from 'tap';
import { visitBody } from '../../contracts/visits.js';
import { checkWith } from '../../services/web/src/lib/forms.js';
import { formKeyOf } from '../../services/web/src/areas/station/keyboard.js';
import { blankVisit, bodyOf, fieldOf, firstErrorPlace, nextVisitor, placeErrors } from '../../services/web/src/areas/station/visit-form.js';

/** The registration form's logic without a page: its body, its errors' places, the next visitor, the keys. */
const morning = new Date('2026-12-07T01:05:00Z'); // 09:05 in Beijing, a Monday

t.test('a fresh form is now in Beijing with one empty matter', async (tt) => {
  const draft = blankVisit('st-baichehe', ['dep-zhou-lan'], morning);
  tt.equal(draft.date, '2026-12-07');
  tt.equal(draft.time, '09:05');
  tt.equal(draft.matters.length, 1);
  tt.same(draft.deputyIds, ['dep-zhou-lan']);
});

t.test('the body leaves blank optional fields out and passes the API schema', async (tt) => {
  const draft = blankVisit('st-baichehe', ['dep-zhou-lan'], morning);
  draft.visitor.name = '罗大伯';
  draft.matters[0]!.category = 'roads';
  draft.matters[0]!.summary = '路灯坏了';
  const body = bodyOf(draft);
  const visitor = body.visitor as Record<string, unknown>;
  tt.notOk('phone' in visitor && visitor.phone !== undefined, 'no empty phone is sent');
  tt.equal(body.receivedAt, '2026-12-07T01:05:00.000Z', 'the Beijing wall clock becomes the instant');
  const checked = checkWith(visitBody, body);
  tt.ok(checked.ok, 'the API schema takes it');
  const matter = (body.matters as Record<string, unknown>[])[0]!;
  tt.equal(matter.answer, undefined, 'not answered on the spot: no answer sent');
});

t.test('a missing category and an empty on-the-spot answer are named at their places', async (tt) => {
  const draft = blankVisit('st-baichehe', [], morning);
  draft.visitor.name = '张阿姨';
  draft.matters[0]!.summary = '垃圾没人清运';
  draft.matters[0]!.onSpot = true;
  const checked = checkWith(visitBody, bodyOf(draft));
  tt.notOk(checked.ok);
  if (checked.ok) return;
  const placed = placeErrors(checked.errors);
  tt.ok(placed['matters.0.category'], 'the category is named');
  tt.ok(placed['matters.0.answer'], 'the answer is asked for');
  tt.ok(placed.deputyIds, 'the deputies are asked for');
  tt.equal(firstErrorPlace(placed, draft), 'deputyIds', 'the first place in reading order comes first');
  tt.same(placeErrors({ 'deputyIds.1': 'repeats', 'matters.1.category': 'no such category' }), { deputyIds: 'repeats', 'matters.1.category': 'no such category' });
  tt.equal(fieldOf('matters.1.category'), 'category');
  tt.equal(fieldOf('visitor.phone'), 'phone');
});

t.test('the next visitor keeps station, day and deputies and nothing of the visitor', async (tt) => {
  const draft = blankVisit('st-panlong', ['dep-luo-jian'], morning);
  draft.visitor.name = '罗大伯';
  draft.matters[0]!.summary = '路灯';
  const later = new Date('2026-12-07T02:00:00Z');
  const next = nextVisitor(draft, later);
  tt.equal(next.stationId, 'st-panlong');
  tt.same(next.deputyIds, ['dep-luo-jian']);
  tt.equal(next.visitor.name, '');
  tt.equal(next.matters[0]!.summary, '');
  tt.equal(next.time, '10:00', 'today: the time moves on to now');
  const backdated = { ...draft, date: '2026-12-01', time: '09:30' };
  const afterBackdated = nextVisitor(backdated, later);
  tt.equal(afterBackdated.date, '2026-12-01', 'a form filled in for an earlier day stays on that day');
  tt.equal(afterBackdated.time, '09:30');
});

t.test('the form keys', async (tt) => {
  const key = (over: Partial<KeyboardEvent>) =>
    ({ key: 'Enter', code: 'Enter', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, isComposing: false, keyCode: 13, ...over }) as KeyboardEvent;
  const input = { tagName: 'INPUT' };
  tt.equal(formKeyOf(key({}), input), 'next');
  tt.equal(formKeyOf(key({}), { tagName: 'TEXTAREA' }), 'next');
  tt.equal(formKeyOf(key({ shiftKey: true }), { tagName: 'TEXTAREA' }), undefined, 'Shift+Enter is a new line');
  tt.equal(formKeyOf(key({ ctrlKey: true }), input), 'submit');
  tt.equal(formKeyOf(key({ key: 'n', code: 'KeyN', altKey: true }), input), 'add-matter');
  tt.equal(formKeyOf(key({}), { tagName: 'BUTTON' }), undefined, 'a button keeps its Enter');
  tt.equal(formKeyOf(key({ isComposing: true }), input), undefined, 'Enter ending a Chinese input composition is the input method’s');
  tt.equal(formKeyOf(key({ keyCode: 229 }), input), undefined);
});
