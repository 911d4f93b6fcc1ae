import t from 'tap';
import type { LightMyRequestResponse } from 'fastify';
import { inDays, people, testApp } from '../../support/test-app.js';

/** Everything personal this test writes: no public answer may carry any of it. */
const citizens = [
  { name: 'Hu Zhongmin', phone: '138 0000 0613' }, // a case opened by the station
  { name: 'Zhang Xiuying', phone: '139 1234 5678' }, // an online message
  { name: 'Long Kaixiu', phone: '136 0858 2231' }, // a visitor on the registration form
  { name: 'Wei Xiuying', phone: '139 8580 1201' }, // an appointment booked online
];
const staffName = 'Wang Fang, clerk';
const internal = ['Neighbour dispute suspected, handle quietly', 'Resolved by the township road team', people.staff.sub, staffName];
const forbidden = citizens.flatMap(({ name, phone }) => [name, phone, phone.replace(/\D/g, ''), phone.replace(/\D/g, '').slice(-8)]).concat(internal);

t.test('privacy › no public answer carries a name, a phone, an internal note or a staff identity', async (t) => {
  const { app, call } = await testApp(t);
  const staff = { ...people.staff, name: staffName };
  // A rota on every weekday, so the deputies have slots tomorrow whatever today is.
  const sessions = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00', deputyIds: ['dep-li', 'dep-wen'] }));
  t.equal((await call(staff, 'PUT', '/api/stations/st-baichehe/reception-schedule', { sessions })).statusCode, 200);

  const opened = await call(staff, 'POST', '/api/cases', {
    channel: 'reception-day', stationId: 'st-baichehe', category: 'roads', summary: 'Culvert blocked after rain',
    constituent: { ...citizens[0], address: 'Fana village, group 4' },
  });
  const caseId = opened.json().id as string;
  const caseCode = opened.json().trackingCode as string;
  for (const [action, body] of [
    ['add-note', { text: internal[0] }], ['assign', { deputyIds: ['dep-li'] }], ['acknowledge', {}],
    ['resolve', { outcome: 'done', summary: internal[1] }], ['give-feedback', { method: 'phone', summary: 'The culvert was cleared on Tuesday' }],
  ] as const) t.equal((await call(people.admin, 'POST', `/api/cases/${caseId}/${action}`, body)).statusCode, 200, action);
  const visit = await call(staff, 'POST', '/api/visits', {
    stationId: 'st-baichehe', receivedAt: inDays(-1), deputyIds: ['dep-li'], visitor: citizens[2],
    matters: [{ category: 'roads', summary: 'Water pipe froze' }, { category: 'roads', summary: 'Bus times', answer: 'Explained' }],
  });
  t.equal(visit.statusCode, 201);
  t.equal((await call(staff, 'POST', '/api/activities', {
    status: 'announced', kind: 'report-back', title: 'Report-back to voters', place: 'Baichehe hall', areaCode: '520221104',
    stationId: 'st-baichehe', deputyIds: ['dep-li'], startsAt: inDays(5),
  })).statusCode, 201);

  const answers: Array<{ route: string; res: LightMyRequestResponse }> = [];
  const ask = async (route: string, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    answers.push({ route, res });
    return res;
  };
  const message = await ask('POST /api/public/messages', 'POST', '/api/public/messages', { stationId: 'st-baichehe', summary: 'Street light out', category: 'roads', ...citizens[1] });
  const messageCode = message.json().trackingCode as string;
  const slots = await ask('GET /api/public/deputies/{id}/slots', 'GET', '/api/public/deputies/dep-li/slots');
  const start = slots.json().slots[0].start as string;
  const booked = await ask('POST /api/public/appointments', 'POST', '/api/public/appointments', { deputyId: 'dep-li', start, topic: 'Parking', ...citizens[3] });
  const appointmentCode = booked.json().trackingCode as string;
  const last4 = (i: number) => citizens[i]!.phone.replace(/\D/g, '').slice(-4);
  await ask('GET /api/public/track/{trackingCode}', 'GET', `/api/public/track/${caseCode}?phone4=${last4(0)}`);
  await ask('GET /api/public/track/{trackingCode}', 'GET', `/api/public/track/${messageCode}?phone4=${last4(1)}`);
  await ask('POST /api/public/track/{trackingCode}/press', 'POST', `/api/public/track/${messageCode}/press?phone4=${last4(1)}`);
  await ask('GET /api/public/appointments/{trackingCode}', 'GET', `/api/public/appointments/${appointmentCode}?phone4=${last4(3)}`);
  await ask('POST /api/public/appointments/{trackingCode}/cancel', 'POST', `/api/public/appointments/${appointmentCode}/cancel?phone4=${last4(3)}`);
  for (const query of ['place=Baichehe', 'place=Li', 'area=520221104']) await ask('GET /api/public/deputies', 'GET', `/api/public/deputies?${query}`);
  await ask('GET /api/public/activities', 'GET', '/api/public/activities?area=520221');
  await ask('GET /api/public/stations/{id}', 'GET', '/api/public/stations/st-baichehe');
  await ask('GET /api/stations/{id}/receptions', 'GET', '/api/stations/st-baichehe/receptions');
  await ask('GET /api/workflows/case', 'GET', '/api/workflows/case');
  for (const path of ['areas', 'stations', 'deputies', 'categories']) await ask(`GET /api/${path}`, 'GET', `/api/${path}`);
  for (const [path, id] of [['areas', '520221104'], ['stations', 'st-baichehe'], ['deputies', 'dep-li'], ['categories', '520221.roads']]) {
    await ask(`GET /api/${path}/{id}`.replace('{id}', path === 'areas' ? '{code}' : '{id}'), 'GET', `/api/${path}/${id}`);
  }
  // Signing in needs no sign-in either: a stranger's guess is refused with words that name nobody.
  // The demo's sign-in list is public in a demo (its people are made up); this is no demo, so 404.
  const refusals: Record<string, number> = { 'POST /api/session': 401, 'GET /api/session/demo-accounts': 404 };
  await ask('POST /api/session', 'POST', '/api/session', { account: people.staff.sub, password: 'a guess at it' }, { 'x-huiyin-request': '1' });
  await ask('GET /api/session/demo-accounts', 'GET', '/api/session/demo-accounts');

  for (const { route, res } of answers) {
    if (route in refusals) t.equal(res.statusCode, refusals[route], `${route} refused`);
    else t.ok(res.statusCode < 300, `${route} answered ${res.statusCode}`);
    const leaked = forbidden.filter((word) => res.body.includes(word));
    t.same(leaked, [], `${route}: nothing personal or internal`);
  }
  // Every route that needs no sign-in was asked above: a new public route must join this test.
  const doc = app.swagger() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  const publicRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).filter(([, op]) => Array.isArray(op.security) && op.security.length === 0).map(([method]) => `${method.toUpperCase()} ${path}`));
  const asked = new Set(answers.map((a) => a.route));
  t.same(publicRoutes.filter((route) => !asked.has(route)), [], 'every public route is covered');
  t.ok(publicRoutes.length >= 20);
});
