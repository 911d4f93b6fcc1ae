import t from 'tap';
import { hashEvent } from '../../../workflows/engine/hash-chain.js';
import { bodies, culvert, people, testApp } from '../../support/test-app.js';

type Event = { type: string; metadata: { actor: { id: string; role: string; name?: string } } };

t.test('history › every actor carries the name they had at that moment', async (t) => {
  const { call } = await testApp(t);
  const staff = { ...people.staff, name: 'Wang Fang' };
  const { id } = (await call(staff, 'POST', '/api/cases', culvert)).json();
  await call({ ...people.supervisor, name: 'Zhao Min' }, 'POST', `/api/cases/${id}/assign`, bodies.assign);
  // A deputy's name comes from the directory, not from whatever the token says.
  await call({ ...people.deputyLi, name: 'Somebody Else' }, 'POST', `/api/cases/${id}/acknowledge`);
  const renamed = await call(people.admin, 'PATCH', '/api/deputies/dep-li', { name: 'Li Xianjian (renamed)' });
  t.equal(renamed.statusCode, 200);
  await call(people.deputyLi, 'POST', `/api/cases/${id}/add-note`, { text: 'Called the roads office' });
  await call(people.admin, 'POST', `/api/cases/${id}/add-note`, { text: 'No name in this token' });

  const events: Event[] = (await call(people.auditor, 'GET', `/api/cases/${id}/history`)).json().events;
  // Names come from the accounts and the deputy entries; each actor also carries the rights it acted under.
  t.same(
    events.map((e) => [e.type, e.metadata.actor]),
    [
      ['CaseReceived', { id: 'staff-baichehe', role: 'staff', name: 'Wang Fang', stations: ['st-baichehe'] }],
      ['CaseAssigned', { id: 'sup-shuicheng', role: 'supervisor', name: 'Zhao Min', area: '520221' }],
      ['CaseAcknowledged', { id: 'dep-li', role: 'deputy', name: 'Li Xianjian', stations: ['st-baichehe', 'st-panlong'] }],
      ['NoteAdded', { id: 'dep-li', role: 'deputy', name: 'Li Xianjian (renamed)', stations: ['st-baichehe', 'st-panlong'] }],
      ['NoteAdded', { id: 'admin-1', role: 'admin', name: 'admin-1' }],
    ],
    'the old events keep the old name; the rename shows from then on',
  );
  const view = (await call(people.staff, 'GET', `/api/cases/${id}`)).json();
  t.match(view.acknowledged.by, { id: 'dep-li', role: 'deputy', name: 'Li Xianjian' }, 'the view stamps say who, as it was');
  t.same(view.notes[0].by.name, 'Li Xianjian (renamed)');
});

t.test('history › names the stream every event’s hash covers, so an auditor can recompute each one', async (t) => {
  const { call } = await testApp(t);
  const { id } = (await call(people.staff, 'POST', '/api/cases', culvert)).json();
  await call(people.supervisor, 'POST', `/api/cases/${id}/assign`, bodies.assign);
  const history = (await call(people.auditor, 'GET', `/api/cases/${id}/history`)).json();
  t.equal(history.streamName, `case-${id}`);
  for (const event of history.events as { revision: number; type: string; data: object; metadata: { hash: string } & Record<string, unknown> }[]) {
    const { hash, ...metadata } = event.metadata;
    t.equal(hashEvent({ streamName: history.streamName, revision: event.revision, type: event.type, data: event.data, metadata }), hash, `${event.type} recomputed from the answer alone`);
  }
});
