import t from 'tap';
import { culvert, people, testApp } from '../../support/test-app.js';

// Baichehe (the case's station) and Panlong are stations of one district,
// 520221; Hecheng is in another, 520201. Wen serves Baichehe, Luo serves
// Panlong only, Yue serves Hecheng.
const refusal = (res: { json: () => { errors: Array<{ in: string; path: string; message: string }> } }) =>
  res.json().errors.map((e) => [e.path, e.message]);

t.test('assignment › staff assign and reassign a case of their station to that station’s deputies', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase();
  const assigned = await call(people.staff, 'POST', `/api/cases/${id}/assign`, { deputyIds: ['dep-wen'] });
  t.equal(assigned.statusCode, 200);
  t.same(assigned.json().deputyIds, ['dep-wen']);
  const reassigned = await call(people.staff, 'POST', `/api/cases/${id}/reassign`, { deputyIds: ['dep-li', 'dep-wen'], reason: 'Two are better' });
  t.equal(reassigned.statusCode, 200);
  t.same(reassigned.json().deputyIds, ['dep-li', 'dep-wen']);
});

t.test('assignment › staff may not assign a deputy of another station, even in their district; a supervisor may', async (t) => {
  const { call, openCase, store } = await testApp(t);
  const { id } = await openCase();
  const head = await store.headPosition();
  const staff = await call(people.staff, 'POST', `/api/cases/${id}/assign`, { deputyIds: ['dep-wen', 'dep-luo'] });
  t.equal(staff.statusCode, 400);
  t.equal(staff.json().code, 'COMMAND.INVALID');
  t.same(refusal(staff), [['deputyIds.1', 'dep-luo does not serve at station st-baichehe']]);
  t.equal(await store.headPosition(), head, 'nothing written');
  const supervisor = await call(people.supervisor, 'POST', `/api/cases/${id}/assign`, { deputyIds: ['dep-wen', 'dep-luo'] });
  t.equal(supervisor.statusCode, 200, 'Luo serves the case’s district');
  const back = await call(people.staff, 'POST', `/api/cases/${id}/reassign`, { deputyIds: ['dep-luo'] });
  t.same(refusal(back), [['deputyIds.0', 'dep-luo does not serve at station st-baichehe']], 'reassigning is held to the same rule');
});

t.test('assignment › nobody assigns a deputy who serves neither the case’s station nor its district', async (t) => {
  const { call, openCase, store } = await testApp(t);
  const { id } = await openCase();
  const head = await store.headPosition();
  for (const who of [people.supervisor, people.admin]) {
    const res = await call(who, 'POST', `/api/cases/${id}/assign`, { deputyIds: ['dep-li', 'dep-yue'] });
    t.equal(res.statusCode, 400, `${who.sub} is refused Yue of Zhongshan`);
    t.same(refusal(res), [['deputyIds.1', "dep-yue serves neither this case's station nor its district"]]);
  }
  const unknown = await call(people.supervisor, 'POST', `/api/cases/${id}/assign`, { deputyIds: ['dep-nobody'] });
  t.same(refusal(unknown), [['deputyIds.0', 'no such deputy']]);
  t.equal(await store.headPosition(), head, 'nothing written');
  const hidden = await call(people.deputyYue, 'GET', `/api/cases/${id}`);
  t.equal(hidden.statusCode, 404, 'so Yue never gets to read the constituent’s phone');
});

t.test('assignment › staff of another station cannot assign at all; at their own station they can', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase();
  t.equal((await call(people.otherStaff, 'POST', `/api/cases/${id}/assign`, { deputyIds: ['dep-yue'] })).statusCode, 404);
  const theirs = (await call(people.otherStaff, 'POST', '/api/cases', { ...culvert, stationId: 'st-hecheng' })).json();
  const res = await call(people.otherStaff, 'POST', `/api/cases/${theirs.id}/assign`, { deputyIds: ['dep-yue'] });
  t.equal(res.statusCode, 200);
  t.equal((await call(people.deputyYue, 'GET', `/api/cases/${theirs.id}`)).json().constituent.phone, culvert.constituent.phone);
});
