import t from 'tap';
import type { FastifyInstance } from 'fastify';
import { people, testApp } from '../../support/test-app.js';

const message = {
  stationId: 'st-baichehe',
  summary: 'The street light at the school gate has been out for a week',
  name: 'Zhang Xiuying',
  phone: '139 1234 5678',
  category: 'roads',
  location: 'Baichehe primary school gate',
};

const post = (app: FastifyInstance, body: unknown, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/public/messages', payload: body as object, remoteAddress: ip });
const track = (app: FastifyInstance, code: string, phone4: string, ip = '10.0.0.1') =>
  app.inject({ method: 'GET', url: `/api/public/track/${code}?phone4=${phone4}`, remoteAddress: ip });

t.test('online station › a message becomes a case with channel online-message, answered with its tracking code', async (t) => {
  const { app, call } = await testApp(t);
  const res = await post(app, message);
  t.equal(res.statusCode, 201, res.body);
  const receipt = res.json();
  t.match(receipt.trackingCode, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  t.equal(receipt.stationName, 'Baichehe Community Room');
  t.equal(receipt.repeated, false);
  t.equal(res.headers.location, `/api/public/track/${receipt.trackingCode}`);

  const listed = await call(people.staff, 'GET', `/api/cases?trackingCode=${receipt.trackingCode}`);
  const [item] = listed.json().items;
  t.equal(item.channel, 'online-message');
  t.equal(item.stationId, 'st-baichehe');
  const history = (await call(people.staff, 'GET', `/api/cases/${item.id}/history`)).json().events;
  t.same(history[0].metadata.actor, { id: 'online-station', role: 'citizen', name: '网上联络站' }, 'the history says the online station opened it');
  t.equal(history[0].data.constituent.name, 'Zhang Xiuying', 'the staff see who wrote');
});

t.test('online station › the same message from the same client within a minute is one case; another client’s is another', async (t) => {
  const { app, call } = await testApp(t);
  const first = (await post(app, message)).json();
  const again = await post(app, message);
  t.equal(again.statusCode, 201);
  t.equal(again.json().trackingCode, first.trackingCode);
  t.equal(again.json().repeated, true);
  const other = (await post(app, message, '10.0.0.2')).json();
  t.not(other.trackingCode, first.trackingCode, 'a neighbour reporting the same light is heard too');
  const changed = (await post(app, { ...message, summary: `${message.summary}, and the one by the bridge` })).json();
  t.not(changed.trackingCode, first.trackingCode);
  const all = await call(people.admin, 'GET', '/api/cases?channel=online-message');
  t.equal(all.json().items.length, 3);
});

t.test('online station › a message for a deputy goes to the deputy’s usual station; bad input names every field and writes nothing', async (t) => {
  const { app, store, call } = await testApp(t);
  const res = await post(app, { deputyId: 'dep-luo', summary: 'Bus stop has no shelter', name: 'Ma Lin', phone: '13800000001', category: 'roads' });
  t.equal(res.json().stationName, 'Panlong Town Station');
  const code = res.json().trackingCode;
  const luo = { sub: 'dep-luo', role: 'deputy' as const, stations: ['st-panlong'] };
  const [item] = (await call(people.admin, 'GET', `/api/cases?trackingCode=${code}`)).json().items;
  t.same((await call(luo, 'GET', `/api/cases/${item.id}`)).json().receptionDeputyIds, ['dep-luo'], 'the case says whom it was left for');
  const diary = await call(luo, 'GET', '/api/deputies/dep-luo/diary');
  t.ok(diary.json().items.some((e: { trackingCode?: string; text: string }) => e.trackingCode === code && e.text.includes('收到网上留言')), 'and it is in their diary');
  const before = await store.headPosition();
  const bad = await post(app, { stationId: 'st-baichehe', deputyId: 'dep-li', summary: ' ', name: '', phone: 'call me', extra: 1 });
  t.equal(bad.statusCode, 400);
  t.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
  const paths = bad.json().errors.map((e: { path: string }) => e.path).sort();
  for (const path of ['summary', 'name', 'phone', 'stationId']) t.ok(paths.includes(path), `names ${path}: ${paths}`);
  const unknown = await post(app, { ...message, stationId: 'st-nowhere' });
  t.equal(unknown.statusCode, 400);
  t.equal(unknown.json().errors[0].path, 'stationId');
  const noCategory = await post(app, { ...message, category: undefined, summary: 'Something else entirely' });
  t.equal(noCategory.statusCode, 400, 'this area keeps no `other` category: the citizen is asked to choose one');
  t.equal(noCategory.json().errors[0].path, 'category');
  t.equal(await store.headPosition(), before, 'nothing was written');
});

t.test('online station › tracking shows the public view only; wrong digits and unknown codes answer the same 404', async (t) => {
  const { app, call } = await testApp(t);
  const { trackingCode } = (await post(app, message)).json();
  const seen = await track(app, trackingCode, '5678');
  t.equal(seen.statusCode, 200, seen.body);
  const view = seen.json();
  t.equal(view.statusGroup, 'open');
  t.equal(view.statusText, '已受理');
  t.equal(view.canPress, true);
  t.same(view.replies, []);
  t.notMatch(seen.body, /Zhang|139|1234|5678|staff|online-station/, 'no name, phone or actor in the answer');

  const wrongDigits = await track(app, trackingCode, '0000');
  const unknownCode = await track(app, 'ZZZZ-ZZZZ', '5678');
  t.equal(wrongDigits.statusCode, 404);
  t.equal(unknownCode.statusCode, 404);
  const sameness = (res: typeof wrongDigits) => ({ ...res.json(), instance: undefined, requestId: undefined });
  t.same(sameness(wrongDigits), sameness(unknownCode), 'the two refusals cannot be told apart');
  t.equal((await track(app, trackingCode.toLowerCase(), '5678')).statusCode, 200, 'a code typed in lower case is found');

  // Answered: the reply the citizen was given is theirs to read; the staff who gave it is not named.
  const id = (await call(people.admin, 'GET', `/api/cases?trackingCode=${trackingCode}`)).json().items[0].id;
  for (const [action, body] of [['assign', { deputyIds: ['dep-li'] }], ['acknowledge', {}], ['resolve', { outcome: 'done', summary: 'Bulb replaced by the township' }], ['give-feedback', { method: 'phone', summary: 'Called her: the light works again' }]] as const) {
    t.equal((await call(people.admin, 'POST', `/api/cases/${id}/${action}`, body)).statusCode, 200, action);
  }
  const answered = (await track(app, trackingCode, '5678')).json();
  t.equal(answered.statusGroup, 'answered');
  t.same(answered.replies.map((r: { summary: string; method: string }) => [r.method, r.summary]), [['phone', 'Called her: the light works again']]);
  t.equal(answered.canPress, false);
  t.notMatch(JSON.stringify(answered), /admin|dep-li|Bulb replaced/, 'neither who acted nor the internal resolution');
});

t.test('online station › the citizen presses an open matter once a day; the history and the supervisor’s list show it', async (t) => {
  const { app, call } = await testApp(t);
  const { trackingCode } = (await post(app, message)).json();
  const press = (phone4: string) =>
    app.inject({ method: 'POST', url: `/api/public/track/${trackingCode}/press?phone4=${phone4}`, payload: { comment: 'Still dark at night' }, remoteAddress: '10.0.0.1' });
  t.equal((await press('1111')).statusCode, 404, 'wrong digits press nothing');
  const pressed = await press('5678');
  t.equal(pressed.statusCode, 200, pressed.body);
  t.equal(pressed.json().pressCount, 1);
  t.equal(pressed.json().canPress, false);
  const again = await press('5678');
  t.equal(again.statusCode, 429);
  t.equal(again.json().code, 'CASE.ALREADY_PRESSED');
  const wait = Number(again.headers['retry-after']);
  t.ok(wait > 0 && wait <= 86_400, `Retry-After says when the China day ends (${wait} s)`);

  const list = await call(people.supervisor, 'GET', `/api/cases?pressed=true&minPosition=${pressed.json().position}`);
  t.equal(list.json().items.length, 1);
  t.equal(list.json().items[0].pressCount, 1);
  const work = await call(people.supervisor, 'GET', `/api/me/cases?minPosition=${pressed.json().position}`);
  t.ok(work.json().items.some((i: { trackingCode: string }) => i.trackingCode === trackingCode), 'a pressed matter needs the supervisor’s attention');
  const id = list.json().items[0].id;
  const history = (await call(people.supervisor, 'GET', `/api/cases/${id}/history`)).json().events;
  t.same(history.at(-1).type, 'CasePressed');
  t.same(history.at(-1).data, { comment: 'Still dark at night' });
  const view = (await call(people.supervisor, 'GET', `/api/cases/${id}`)).json();
  t.equal(view.presses.length, 1);
});

t.test('online station › per-address limits: writes and lookups are refused with 429 and Retry-After past their limit', async (t) => {
  const { app } = await testApp(t, { limits: { rateLimitPublicWrite: 2, rateLimitPublicTrack: 3 } });
  for (let i = 0; i < 2; i++) t.equal((await post(app, { ...message, summary: `Light ${i}` })).statusCode, 201);
  const refused = await post(app, { ...message, summary: 'Light 3' });
  t.equal(refused.statusCode, 429);
  t.ok(Number(refused.headers['retry-after']) > 0);
  t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.equal((await post(app, { ...message, summary: 'Light 3' }, '10.0.0.9')).statusCode, 201, 'another address is not held back');
  for (let i = 0; i < 3; i++) t.equal((await track(app, 'ZZZZ-ZZZZ', '0000')).statusCode, 404);
  t.equal((await track(app, 'ZZZZ-ZZZZ', '0000')).statusCode, 429, 'guessing codes stops after a few tries');
  const big = await post(app, { ...message, summary: 'x'.repeat(9000) }, '10.0.0.10');
  t.equal(big.statusCode, 413, 'a body over the public limit is refused before it is read');
});

t.test('online station › a code takes five wrong tries an hour, from any address; then even the right digits wait', async (t) => {
  const { app } = await testApp(t);
  const { trackingCode } = (await post(app, message)).json();
  for (let i = 0; i < 5; i++) t.equal((await track(app, trackingCode, `000${i}`, `10.1.0.${i}`)).statusCode, 404, `wrong try ${i + 1}`);
  const locked = await track(app, trackingCode, '5678', '10.2.0.1');
  t.equal(locked.statusCode, 429, 'the right digits from a new address are refused too');
  t.equal(locked.json().code, 'TRACKING.LOCKED');
  t.ok(Number(locked.headers['retry-after']) > 3000, 'until the hour is over');
  for (let i = 0; i < 5; i++) await track(app, 'ZZZZ-ZZZZ', `000${i}`, `10.3.0.${i}`);
  t.equal((await track(app, 'ZZZZ-ZZZZ', '0000', '10.4.0.1')).json().code, 'TRACKING.LOCKED', 'an unknown code locks alike: the lock says nothing of existence');
  const other = (await post(app, { ...message, summary: 'Another light' }, '10.0.0.7')).json().trackingCode;
  t.equal((await track(app, other, '5678', '10.0.0.7')).statusCode, 200, 'other codes are not held back');
});
