import t from 'tap';
import type { Test } from 'tap';
import { testApp } from '../../support/test-app.js';
import { handWrittenCalendar, minutesFrom, reception } from '../../workflows/appointment/fixtures/calendar.js';

const HOUR = 3_600_000;
/** Tomorrow, on the hour: far enough ahead that nothing here starts while the tests run. */
const tomorrow = new Date(Math.ceil((Date.now() + 24 * HOUR) / HOUR) * HOUR).toISOString();

async function appWithRota(t: Test) {
  const test = await testApp(t);
  const receptions = [
    reception('st-baichehe', tomorrow, 90, ['dep-li', 'dep-wen']),
    reception('st-panlong', minutesFrom(tomorrow, 180), 60, ['dep-luo']),
    reception('st-panlong', minutesFrom(tomorrow, 24 * 60), 60, ['dep-li'], true),
  ];
  test.app.appointments.slots.calendar = () => handWrittenCalendar(receptions);
  const anonymous = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    test.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  const book = (start: string, extra: object = {}, headers: Record<string, string> = {}) =>
    anonymous('POST', '/api/public/appointments', { deputyId: 'dep-li', start, name: 'Hu Zhongmin', phone: '138 0000 0613', topic: 'The culvert floods again', ...extra }, headers);
  const slotsOf = async (deputy: string) => {
    const res = await anonymous('GET', `/api/public/deputies/${deputy}/slots`);
    t.equal(res.statusCode, 200);
    return (res.json().slots as { start: string }[]).map((s) => s.start);
  };
  return { ...test, anonymous, book, slotsOf };
}

const fieldsOf = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

t.test('public slots › a deputy on duty offers 30-minute slots; not where off duty or called off', async (t) => {
  const { slotsOf, anonymous } = await appWithRota(t);
  t.same(await slotsOf('dep-li'), [tomorrow, minutesFrom(tomorrow, 30), minutesFrom(tomorrow, 60)]);
  const res = await anonymous('GET', `/api/public/deputies/dep-li/slots?from=${encodeURIComponent(tomorrow)}&to=${encodeURIComponent(minutesFrom(tomorrow, 30))}`);
  t.same(res.json(), { deputyId: 'dep-li', slots: [{ start: tomorrow, end: minutesFrom(tomorrow, 30), stationId: 'st-baichehe', stationName: 'Baichehe Community Room' }] });
  t.same(await slotsOf('dep-luo'), [minutesFrom(tomorrow, 180), minutesFrom(tomorrow, 210)]);
  t.equal((await anonymous('GET', '/api/public/deputies/dep-nobody/slots')).statusCode, 404);
  const wide = await anonymous('GET', `/api/public/deputies/dep-li/slots?to=${encodeURIComponent(minutesFrom(tomorrow, 60 * 24 * 40))}`);
  t.equal(wide.statusCode, 400);
  t.same(fieldsOf(wide), ['to']);
});

t.test('public booking › 201 with the tracking code and status only; the slot is then taken', async (t) => {
  const { book, slotsOf } = await appWithRota(t);
  const res = await book(tomorrow);
  t.equal(res.statusCode, 201);
  t.same(Object.keys(res.json()).sort(), ['status', 'trackingCode']);
  t.equal(res.json().status, 'requested');
  t.notOk(res.body.includes('0613') || res.body.includes('Hu Zhongmin'), 'nothing the citizen sent comes back');
  t.notOk((await slotsOf('dep-li')).includes(tomorrow), 'the slot is no longer offered');
  t.same((await slotsOf('dep-wen')).slice(0, 1), [tomorrow], 'another deputy at the same reception still offers it');
  const again = await book(tomorrow, { name: 'Someone else' });
  t.equal(again.statusCode, 400);
  t.same(fieldsOf(again), ['start']);
});

t.test('public booking › refuses a slot not offered, an unknown deputy and a bad phone, naming each field', async (t) => {
  const { book, anonymous, app } = await appWithRota(t);
  t.same(fieldsOf(await book(minutesFrom(tomorrow, 15))), ['start'], 'not on the half hour');
  t.same(fieldsOf(await book(minutesFrom(tomorrow, -60 * 24))), ['start'], 'no reception then');
  t.same(fieldsOf(await book(minutesFrom(tomorrow, 24 * 60))), ['start'], 'the reception is called off');
  t.same(fieldsOf(await book(tomorrow, { deputyId: 'dep-nobody' })), ['deputyId']);
  t.same(fieldsOf(await book(tomorrow, { phone: 'call me' })), ['phone']);
  const res = await anonymous('POST', '/api/public/appointments', { deputyId: 'dep-li', start: tomorrow });
  t.same(fieldsOf(res).sort(), ['name', 'phone', 'topic']);
  const db = await app.readModels.read('appointments');
  t.equal((db.prepare('SELECT COUNT(*) AS n FROM appointments_v1_items').get() as { n: number }).n, 0, 'nothing was booked');
});

t.test('public booking › of two requests racing for one slot exactly one is booked', async (t) => {
  const { book } = await appWithRota(t);
  const results = await Promise.all([book(tomorrow, { name: 'First' }), book(tomorrow, { name: 'Second' }), book(tomorrow, { name: 'Third' })]);
  t.same(results.map((r) => r.statusCode).sort(), [201, 400, 400]);
});

t.test('public booking › a retried request with its Idempotency-Key books once', async (t) => {
  const { book, call } = await appWithRota(t);
  const first = await book(tomorrow, {}, { 'idempotency-key': 'form-1' });
  const retry = await book(tomorrow, {}, { 'idempotency-key': 'form-1' });
  t.equal(retry.statusCode, 201);
  t.equal(retry.headers['idempotent-replayed'], 'true');
  t.equal(retry.json().trackingCode, first.json().trackingCode);
  const list = await call({ sub: 'admin-1', role: 'admin' }, 'GET', '/api/appointments');
  t.equal(list.json().items.length, 1);
  const reused = await book(minutesFrom(tomorrow, 30), {}, { 'idempotency-key': 'form-1' });
  t.equal(reused.statusCode, 422, 'the same key with another form is refused');
});

t.test('public tracking › the right code and digits show the public view; wrong digits and unknown codes are the same 404', async (t) => {
  const { book, anonymous } = await appWithRota(t);
  const { trackingCode } = (await book(tomorrow)).json();
  const res = await anonymous('GET', `/api/public/appointments/${trackingCode.toLowerCase()}?phone4=0613`);
  t.equal(res.statusCode, 200);
  t.same(res.json(), {
    trackingCode,
    status: 'requested',
    slot: { start: tomorrow, end: minutesFrom(tomorrow, 30) },
    stationName: 'Baichehe Community Room',
    deputyName: 'Li Xianjian',
  });
  t.notOk(/0613|138|Hu Zhongmin|culvert/.test(res.body), 'no phone, name or topic');
  const wrong = await anonymous('GET', `/api/public/appointments/${trackingCode}?phone4=0614`);
  const unknown = await anonymous('GET', '/api/public/appointments/2222-2222?phone4=0613');
  t.equal(wrong.statusCode, 404);
  t.equal(unknown.statusCode, 404);
  const same = (body: Record<string, unknown>) => ({ code: body.code, detail: body.detail, title: body.title });
  t.same(same(wrong.json()), same(unknown.json()), 'nothing tells the two apart');
  t.equal((await anonymous('GET', `/api/public/appointments/${trackingCode}?phone4=61`)).statusCode, 400);
});

t.test('public cancel › only with the right digits; the slot is offered again', async (t) => {
  const { book, anonymous, slotsOf } = await appWithRota(t);
  const { trackingCode } = (await book(tomorrow)).json();
  t.equal((await anonymous('POST', `/api/public/appointments/${trackingCode}/cancel?phone4=9999`, {})).statusCode, 404);
  const res = await anonymous('POST', `/api/public/appointments/${trackingCode}/cancel?phone4=0613`, { reason: 'Solved already' });
  t.equal(res.statusCode, 200);
  t.equal(res.json().status, 'cancelled');
  t.notOk(res.body.includes('0613'));
  t.ok((await slotsOf('dep-li')).includes(tomorrow), 'free again');
  t.equal((await book(tomorrow, { name: 'Next citizen' })).statusCode, 201, 'and another citizen can take it');
  const twice = await anonymous('POST', `/api/public/appointments/${trackingCode}/cancel?phone4=0613`);
  t.equal(twice.statusCode, 409);
});

t.test('public booking › an Idempotency-Key is the citizen’s own: two phones sending the same key book two appointments', async (t) => {
  const { book } = await appWithRota(t);
  const first = await book(tomorrow, {}, { 'idempotency-key': '1' });
  const second = await book(minutesFrom(tomorrow, 30), { name: 'Ma Lin', phone: '139 0000 0001' }, { 'idempotency-key': '1' });
  t.equal(first.statusCode, 201, first.body);
  t.equal(second.statusCode, 201, second.body);
  t.not(second.json().trackingCode, first.json().trackingCode);
  const retry = await book(tomorrow, {}, { 'idempotency-key': '1' });
  t.equal(retry.json().trackingCode, first.json().trackingCode, 'the same citizen’s retry is the same booking');
});
