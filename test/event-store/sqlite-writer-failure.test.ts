import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { buildApp } from '../../services/http/app.js';
import { tokenService } from '../../services/http/auth/tokens.js';
import { newEvent } from './conformance/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'huiyin-writer-failure-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

t.test('sqlite event store › when the writer thread dies', async (t) => {
  const store = await openSqliteEventStore({
    path: join(dir, 'events.sqlite'),
    writerThread: true,
    writerBoot: new URL('../support/dying-writer-boot.mjs', import.meta.url),
  });
  const app = await buildApp({ store, tokens: tokenService('test-secret') });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });

  const first = await store.appendToStream('alive-1', [newEvent()]);
  t.equal(first.nextExpectedRevision, 0, 'appends commit while the writer lives');
  t.equal((await app.inject('/readyz')).statusCode, 200, 'and the service is ready');

  await t.rejects(store.appendToStream('doomed-1', [newEvent()]), { code: 'STORE.UNAVAILABLE' }, 'the append in flight fails');
  await t.rejects(store.appendToStream('alive-1', [newEvent()]), { code: 'STORE.UNAVAILABLE' }, 'and so does every later one');
  await t.rejects(store.headPosition(), { code: 'STORE.UNAVAILABLE' }, 'the store no longer reports a head');
  const ready = await app.inject('/readyz');
  t.equal(ready.statusCode, 503, 'so the service says it is not ready, and can be restarted');
  t.match(ready.json(), { code: 'STORE.UNAVAILABLE' });
  t.same((await store.readStream('alive-1')).map((event) => event.revision), [0], 'what was committed stays readable');
});
