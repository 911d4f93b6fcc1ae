import t from 'tap';
import { newCaseIdFor } from '../../../services/commands/command-ids.js';
import { visitBody } from '../../../contracts/visits.js';
import { actorOf, commandEnvelope, fingerprintOf } from '../../../services/commands/envelope.js';
import { caseIdOf } from '../../../services/visits/visit-service.js';
import { inDays, people, testApp } from '../../support/test-app.js';

/** A Monday-morning visitor with three matters: two become cases, one is answered on the spot. */
const form = () => ({
  stationId: 'st-baichehe',
  receivedAt: inDays(-1),
  deputyIds: ['dep-li', 'dep-wen'],
  visitor: { name: 'Hu Zhongmin', phone: '138 0000 0613', address: 'Fana village, group 4' },
  matters: [
    { category: 'roads', summary: 'Blocked culvert floods the village road', location: 'Fana group 4' },
    { category: 'industry', summary: 'Tea co-operative needs a loan guarantee' },
    { category: 'roads', summary: 'When is the bus timetable changing?', answer: 'Explained the new timetable from next month' },
  ],
  notes: 'Came with two neighbours',
});

t.test('visits › one form registers the visit and opens a case per matter not answered on the spot', async (t) => {
  const { call } = await testApp(t);
  const body = form();
  const res = await call(people.staff, 'POST', '/api/visits', body, { 'idempotency-key': 'visit-1' });
  t.equal(res.statusCode, 201, res.body);
  const visit = res.json();
  t.equal(visit.matters.length, 3);
  const [culvert, loan, bus] = visit.matters;
  t.ok(culvert.caseId && loan.caseId, 'two matters became cases');
  t.equal(bus.caseId, null);
  t.equal(bus.answer, 'Explained the new timetable from next month');

  const cases = await call(people.staff, 'GET', `/api/cases?minPosition=${visit.position}&channel=reception-day`);
  t.same(cases.json().items.map((c: { id: string }) => c.id).sort(), [culvert.caseId, loan.caseId].sort());
  const opened = (await call(people.staff, 'GET', `/api/cases/${culvert.caseId}`)).json();
  t.equal(opened.trackingCode, culvert.trackingCode);
  t.same(opened.receptionDeputyIds, ['dep-li', 'dep-wen']);
  t.equal(opened.receivedAt, visit.receivedAt, 'the case was received when the visit happened');
  t.equal(opened.constituent.name, 'Hu Zhongmin');

  // A retry of the same form (a dropped connection) opens nothing more.
  const retry = await call(people.staff, 'POST', '/api/visits', body, { 'idempotency-key': 'visit-1' });
  t.equal(retry.statusCode, 201);
  t.equal(retry.headers['idempotent-replayed'], 'true');
  t.same(retry.json().matters, visit.matters);
  const after = await call(people.staff, 'GET', `/api/cases?minPosition=${retry.json().position}&channel=reception-day`);
  t.equal(after.json().items.length, 2);

  const day = new Date(Date.parse(visit.receivedAt) + 8 * 3_600_000).toISOString().slice(0, 10);
  const list = await call(people.staff, 'GET', `/api/visits?station=st-baichehe&date=${day}&minPosition=${visit.position}`);
  t.equal(list.statusCode, 200, list.body);
  t.equal(list.json().items.length, 1);
  t.equal(list.json().items[0].matters[0].trackingCode, culvert.trackingCode);
  t.equal((await call(people.otherStaff, 'GET', `/api/visits?minPosition=${visit.position}`)).json().items.length, 0, 'another station’s staff see none');
  t.equal((await call(people.deputyLi, 'GET', `/api/visits?minPosition=${visit.position}`)).json().items.length, 1, 'the deputy who received the visitor sees it');
});

t.test('visits › all or nothing: a bad matter anywhere in the form writes nothing, and every bad field is named', async (t) => {
  const { call, store } = await testApp(t);
  const before = await store.headPosition();
  const bad = form();
  bad.deputyIds = ['dep-li', 'dep-nobody'];
  bad.matters[1]!.category = 'no-such-category';
  const res = await call(people.staff, 'POST', '/api/visits', bad);
  t.equal(res.statusCode, 400, res.body);
  t.same(res.json().errors.map((e: { path: string }) => e.path).sort(), ['deputyIds.1', 'matters.1.category']);
  const old = { ...form(), receivedAt: inDays(-40) };
  const late = await call(people.staff, 'POST', '/api/visits', old);
  t.equal(late.statusCode, 400);
  t.equal(late.json().errors[0].path, 'receivedAt');
  const shape = await call(people.staff, 'POST', '/api/visits', { ...form(), visitor: { phone: 'x' }, matters: [{ summary: '' }] });
  t.equal(shape.statusCode, 400);
  const paths = shape.json().errors.map((e: { path: string }) => e.path);
  for (const path of ['visitor.name', 'visitor.phone', 'matters.0.summary', 'matters.0.category']) t.ok(paths.includes(path), `names ${path}`);
  t.equal((await call(people.otherStaff, 'POST', '/api/visits', form())).statusCode, 403, 'staff register only at their own station');
  t.equal(await store.headPosition(), before, 'nothing was written');
});

t.test('visits › at a deputy’s home, and the visitor’s satisfaction later, once', async (t) => {
  const { call } = await testApp(t);
  const visit = (await call(people.deputyLi, 'POST', '/api/visits', { ...form(), channel: 'home-visit', matters: [form().matters[0]] })).json();
  const opened = (await call(people.staff, 'GET', `/api/cases/${visit.matters[0].caseId}`)).json();
  t.equal(opened.channel, 'home-visit');
  const rated = await call(people.staff, 'POST', `/api/visits/${visit.id}/satisfaction`, { satisfaction: 'satisfied' });
  t.equal(rated.statusCode, 200, rated.body);
  t.equal(rated.json().satisfaction, 'satisfied');
  t.equal((await call(people.staff, 'POST', `/api/visits/${visit.id}/satisfaction`, { satisfaction: 'unsatisfied' })).statusCode, 409, 'said once');
  t.equal((await call(people.otherStaff, 'POST', `/api/visits/${visit.id}/satisfaction`, { satisfaction: 'satisfied' })).statusCode, 404, 'another station’s visit is not theirs to see');
  const read = await call(people.auditor, 'GET', `/api/visits/${visit.id}`);
  t.equal(read.json().satisfaction, 'satisfied');
});

t.test('visits › a visit recorded without its cases (the process died between) is completed by the form’s retry', async (t) => {
  const { app, call } = await testApp(t);
  const body = { ...form(), matters: [form().matters[0]!] };
  const key = 'visit-crash';
  // What the first try wrote before the process died: the visit, naming its case, and no case.
  const visitId = newCaseIdFor(`visit:${people.staff.sub}`, key);
  const now = Math.floor(Date.now() / 1000);
  const who = await app.accounts.principalFor({ sub: people.staff.sub, iat: now, exp: now + 600 });
  const data = {
    visitId, stationId: 'st-baichehe', areaCode: '520221104', channel: 'reception-day', receivedAt: new Date(body.receivedAt).toISOString(),
    deputyIds: body.deputyIds, visitor: body.visitor,
    matters: [{ summary: body.matters[0]!.summary, category: 'roads', caseId: caseIdOf(visitId, 0) }], notes: body.notes,
  };
  const envelope = commandEnvelope(actorOf(who), visitId, 'register', data, { now: new Date().toISOString(), idempotencyKey: key });
  envelope.fingerprint = fingerprintOf(visitId, 'register', visitBody.parse(body));
  await app.visits.engine.execute(envelope);
  t.equal((await call(people.staff, 'GET', `/api/cases/${caseIdOf(visitId, 0)}`)).statusCode, 404, 'the case was never opened');

  const retry = await call(people.staff, 'POST', '/api/visits', body, { 'idempotency-key': key });
  t.equal(retry.statusCode, 201, retry.body);
  t.equal(retry.headers['idempotent-replayed'], 'true', 'the visit itself was not written again');
  const opened = await call(people.staff, 'GET', `/api/cases/${caseIdOf(visitId, 0)}`);
  t.equal(opened.statusCode, 200, 'the retry opened the missing case');
  t.equal(opened.json().summary, body.matters[0]!.summary);
});

t.test('visits › a form dated "now" (no receivedAt) retried later is the same visit, not a reused key', async (t) => {
  const { call } = await testApp(t);
  const body = { ...form(), receivedAt: undefined };
  const first = await call(people.staff, 'POST', '/api/visits', body, { 'idempotency-key': 'visit-now' });
  t.equal(first.statusCode, 201, first.body);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const retry = await call(people.staff, 'POST', '/api/visits', body, { 'idempotency-key': 'visit-now' });
  t.equal(retry.statusCode, 201, retry.body);
  t.equal(retry.headers['idempotent-replayed'], 'true');
  t.equal(retry.json().receivedAt, first.json().receivedAt, 'dated by the first try');
  const elsewhere = { ...people.deputyYue, stations: ['st-hecheng'] };
  t.equal((await call(elsewhere, 'GET', `/api/visits/${first.json().id}`)).statusCode, 404, 'a deputy of another station does not see it');
});
