import { randomUUID } from 'node:crypto';
import t from 'tap';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';

t.test('sqlite › keeps the JSON text a caller already has instead of serialising again', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  const data = { b: 1, a: 'x' };
  const metadata = { z: true, y: null };
  await store.appendToStream('case-1', [
    { id: randomUUID(), type: 'NoteAdded', data, metadata, json: { data: '{"a":"x","b":1}', metadata: '{"y":null,"z":true}' } },
  ]);
  const [event] = await store.readStream('case-1');
  t.same(event!.data, data);
  t.same(Object.keys(event!.data), ['a', 'b'], 'the given text was stored: its key order came back');
  t.same(Object.keys(event!.metadata), ['y', 'z']);
});

t.test('sqlite › refuses JSON text that is not a pair of strings, writing nothing', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  const bad = { id: randomUUID(), type: 'NoteAdded', data: {}, metadata: {}, json: { data: {}, metadata: '{}' } };
  await t.rejects(store.appendToStream('case-1', [bad as never]), { code: 'STORE.INVALID_EVENT' });
  t.equal(await store.headPosition(), 0);
});
