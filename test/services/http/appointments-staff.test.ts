import t from 'tap';
import type { Test } from 'tap';
import { OnlineBookings } from '../../../services/appointments/online-bookings.js';
import { people, testApp, type Who } from '../../support/test-app.js';
import { handWrittenCalendar, minutesFrom, reception } from '../../workflows/appointment/fixtures/calendar.js';

const HALF_HOUR = 1_800_000;
const HOUR = 2 * HALF_HOUR;
/** Tomorrow on the hour, and a reception that began an hour ago (on the half hour). */
const tomorrow = new Date(Math.ceil((Date.now() + 24 * HOUR) / HOUR) * HOUR).toISOString();
const begun = new Date(Math.floor(Date.now() / HALF_HOUR) * HALF_HOUR - HOUR).toISOString();

async function appWithBooking(t: Test, start: string) {
  const test = await testApp(t);
  const receptions = [reception('st-baichehe', tomorrow, 120, ['dep-li']), reception('st-baichehe', begun, 180, ['dep-li'])];
  test.app.appointments.slots.calendar = () => handWrittenCalendar(receptions);
  const body = { deputyId: 'dep-li', start, name: 'Hu Zhongmin', phone: '138 0000 0613', topic: 'The culvert floods again' };
  // Booked two hours before its slot, through the online station's own service.
  const booked = await new OnlineBookings(test.app.appointments).book(body, { now: minutesFrom(start, -120) });
  const id = (await new OnlineBookings(test.app.appointments).find(booked.trackingCode, '0613')).context.requested!.appointmentId;
  const act = (who: Who, action: string, payload: object = {}, headers: Record<string, string> = {}) =>
    test.call(who, 'POST', `/api/appointments/${id}/${action}`, payload, headers);
  return { ...test, id, act };
}

t.test('staff appointments › each role sees what its scope holds, in lists and one by one', async (t) => {
  const { call, id } = await appWithBooking(t, tomorrow);
  const sees: [string, Who, boolean][] = [
    ['staff of the station', people.staff, true],
    ['staff elsewhere', people.otherStaff, false],
    ['the deputy met', people.deputyLi, true],
    ['another deputy of the station', people.deputyWen, false],
    ['the area supervisor', people.supervisor, true],
    ['another area supervisor', people.otherSupervisor, false],
    ['admin', people.admin, true],
    ['auditor', people.auditor, true],
  ];
  for (const [who, person, sees_] of sees) {
    const list = await call(person, 'GET', '/api/appointments');
    t.equal(list.statusCode, 200);
    t.same(list.json().items.map((i: { id: string }) => i.id), sees_ ? [id] : [], `${who}: list`);
    t.equal((await call(person, 'GET', `/api/appointments/${id}`)).statusCode, sees_ ? 200 : 404, `${who}: page`);
  }
  const filtered = await call(people.admin, 'GET', `/api/appointments?status=confirmed`);
  t.same(filtered.json().items, [], 'filters by status');
  const byDeputy = await call(people.admin, 'GET', `/api/appointments?deputy=dep-li&station=st-baichehe&from=${encodeURIComponent(tomorrow)}`);
  t.equal(byDeputy.json().items.length, 1);
});

t.test('staff appointments › the page lists what the caller may do now', async (t) => {
  const { call, id } = await appWithBooking(t, tomorrow);
  const page = await call(people.staff, 'GET', `/api/appointments/${id}`);
  t.equal(page.headers.etag, '"0"', 'the slot claim is a stream apart: the request is the one event here');
  t.same(page.json().allowedActions.sort(), ['cancel', 'confirm', 'decline', 'reschedule']);
  t.equal(page.json().citizen.phone, '138 0000 0613', 'staff read the phone to call back');
  t.same((await call(people.auditor, 'GET', `/api/appointments/${id}`)).json().allowedActions, []);
});

t.test('staff appointments › confirm: 403 for an auditor, 412 on a stale If-Match, then 409 once confirmed', async (t) => {
  const { act } = await appWithBooking(t, tomorrow);
  t.equal((await act(people.auditor, 'confirm')).statusCode, 403);
  t.equal((await act(people.staff, 'confirm', {}, { 'if-match': '"1"' })).statusCode, 412);
  const ok = await act(people.staff, 'confirm', {}, { 'if-match': '"0"' });
  t.equal(ok.statusCode, 200);
  t.equal(ok.json().status, 'confirmed');
  t.same(ok.json().allowedActions.sort(), ['cancel', 'reschedule'], 'hold and no-show wait for the slot');
  const again = await act(people.staff, 'confirm');
  t.equal(again.statusCode, 409);
  t.same(again.json().allowedActions.sort(), ['cancel', 'reschedule']);
  const early = await act(people.deputyLi, 'hold');
  t.equal(early.statusCode, 409, 'no meeting before the slot');
  t.equal((await act(people.otherStaff, 'cancel')).statusCode, 404);
});

t.test('staff appointments › reschedule claims the new slot and frees the old one', async (t) => {
  const { act, app } = await appWithBooking(t, tomorrow);
  const slots = async () => (await app.inject({ method: 'GET', url: '/api/public/deputies/dep-li/slots' })).json().slots.map((s: { start: string }) => s.start);
  t.notOk((await slots()).includes(tomorrow));
  t.equal((await act(people.staff, 'reschedule', { start: minutesFrom(tomorrow, 15), reason: 'Later' })).statusCode, 400, 'not a slot');
  const moved = await act(people.staff, 'reschedule', { start: minutesFrom(tomorrow, 60), reason: 'Deputy Li comes later' });
  t.equal(moved.statusCode, 200);
  t.equal(moved.json().status, 'rescheduled');
  t.same(moved.json().slot, { start: minutesFrom(tomorrow, 60), end: minutesFrom(tomorrow, 90) });
  const now = await slots();
  t.ok(now.includes(tomorrow), 'the old slot is free again');
  t.notOk(now.includes(minutesFrom(tomorrow, 60)), 'the new one is taken');
  t.equal((await act(people.staff, 'confirm')).json().status, 'confirmed');
});

t.test('staff appointments › a hold raises one case per matter, once however often it is retried', async (t) => {
  const { act, call, id } = await appWithBooking(t, begun);
  t.equal((await act(people.staff, 'confirm')).statusCode, 200);
  const bad = await act(people.deputyLi, 'hold', { matters: [{ category: 'no-such-kind', summary: 'x' }] });
  t.equal(bad.statusCode, 400);
  t.same(bad.json().errors.map((e: { path: string }) => e.path), ['matters.0.category']);
  const matters = [
    { category: 'roads', summary: 'The culvert floods the village road', location: 'Fana village, group 4' },
    { category: 'industry', summary: 'Help selling hand-made Buyi costumes' },
  ];
  const hold = { deputyIds: ['dep-li', 'dep-wen'], notes: 'Met at the station', matters };
  const key = { 'idempotency-key': 'hold-1' };
  const first = await act(people.deputyLi, 'hold', hold, key);
  t.equal(first.statusCode, 200);
  const held = first.json().held;
  t.match(held, { heldAt: begun, deputyIds: ['dep-li', 'dep-wen'], notes: 'Met at the station' });
  t.equal(held.caseIds.length, 2);
  const retry = await act(people.deputyLi, 'hold', hold, key);
  t.equal(retry.statusCode, 200);
  t.equal(retry.headers['idempotent-replayed'], 'true');
  t.same(retry.json().held.caseIds, held.caseIds);
  const cases = await call(people.admin, 'GET', '/api/cases?channel=appointment');
  t.same(cases.json().items.map((c: { id: string }) => c.id).sort(), [...held.caseIds].sort(), 'two cases in all');
  const opened = (await call(people.admin, 'GET', `/api/cases/${held.caseIds[0]}`)).json();
  t.match(opened, { channel: 'appointment', stationId: 'st-baichehe', receivedAt: begun, receptionDeputyIds: ['dep-li', 'dep-wen'] });
  t.same(opened.constituent, { name: 'Hu Zhongmin', phone: '138 0000 0613' });
  t.same(opened.location, { description: 'Fana village, group 4' });
  t.equal((await call(people.staff, 'GET', `/api/appointments/${id}`)).json().status, 'held');
});

t.test('staff appointments › a hold is all or nothing, and one that failed after it was recorded opens its cases on the retry', async (t) => {
  const { act, call, app, id } = await appWithBooking(t, begun);
  await act(people.staff, 'confirm');
  const matters = [{ category: 'roads', summary: 'The culvert floods the village road' }];
  t.equal((await act(people.staff, 'hold', { matters }, { 'if-match': '"0"' })).statusCode, 412, 'a stale If-Match opens no case');
  const mixed = await act(people.staff, 'hold', { matters: [...matters, { category: 'no-such-category', summary: 'Something else' }] });
  t.equal(mixed.statusCode, 400);
  t.same(mixed.json().errors.map((e: { path: string }) => e.path), ['matters.1.category'], 'the bad matter is named');
  t.same((await call(people.admin, 'GET', '/api/cases?channel=appointment')).json().items, [], 'and the good one was not opened either');

  // The process fails after the hold is recorded, before its case is opened.
  const receive = app.cases.receive.bind(app.cases);
  app.cases.receive = async () => {
    app.cases.receive = receive;
    throw new Error('the process died here');
  };
  const failed = await act(people.staff, 'hold', { matters }, { 'idempotency-key': 'hold-1' });
  t.equal(failed.statusCode, 500);
  const held = await app.appointments.load(id);
  t.equal(held.status, 'held', 'the hold was recorded, naming its case');
  t.equal((await call(people.admin, 'GET', `/api/cases/${held.context.held!.caseIds[0]}`)).statusCode, 404, 'which is not open yet');

  const retry = await act(people.staff, 'hold', { matters }, { 'idempotency-key': 'hold-1' });
  t.equal(retry.statusCode, 200, retry.body);
  t.equal(retry.headers['idempotent-replayed'], 'true');
  const opened = await call(people.admin, 'GET', `/api/cases/${held.context.held!.caseIds[0]}`);
  t.equal(opened.statusCode, 200, 'the retry opened it');
  t.equal(opened.json().channel, 'appointment');
  await act(people.staff, 'hold', { matters }, { 'idempotency-key': 'hold-1' });
  t.equal((await call(people.admin, 'GET', '/api/cases?channel=appointment')).json().items.length, 1, 'once, however often it is sent');
});

t.test('staff appointments › a missed meeting is recorded after the slot starts, and ends it', async (t) => {
  const { act } = await appWithBooking(t, begun);
  await act(people.staff, 'confirm');
  const res = await act(people.staff, 'no-show', { note: 'Did not come' });
  t.equal(res.statusCode, 200);
  t.equal(res.json().status, 'no-show');
  t.same(res.json().allowedActions, []);
  t.equal((await act(people.staff, 'no-such-action')).statusCode, 404);
});
