import t from 'tap';
import { openEsdbEventStore } from '../../services/event-store/esdb/index.js';
import { startEsdbTestServer } from '../support/esdb-wire/server.js';

t.test('eventstoredb adapter › the log identity', async (t) => {
  const server = await startEsdbTestServer();
  t.teardown(() => server.close());
  const open = async () => {
    const store = await openEsdbEventStore({ url: server.url });
    t.teardown(() => store.close());
    return store;
  };

  t.test('is written once on a new log, by whichever of two instances asking at once wins', async (t) => {
    const [a, b] = [await open(), await open()];
    t.same(server.log.recordsOf('huiyin-log'), undefined, 'nothing written before anyone asks');
    const [idA, idB] = await Promise.all([a.logId(), b.logId()]);
    t.equal(idA, idB, 'both instances name the same log');
    const written = server.log.recordsOf('huiyin-log') ?? [];
    t.equal(written.length, 1, 'one identity event, written with no_stream');
    t.equal(JSON.parse(Buffer.from(written[0]!.data).toString()).logId, idA);
    const later = await open();
    t.equal(await later.logId(), idA, 'an instance started later reads it');
    t.equal(await a.headPosition(), 0, 'the head of a log with only its identity is 0');
    t.same(await a.readAll(), [], 'no event to read');
    t.same(await a.readAll({ direction: 'backwards' }), []);
  });

  t.test('changes when the server’s log is another one (wiped, or a new cluster)', async (t) => {
    const other = await startEsdbTestServer();
    t.teardown(() => other.close());
    const elsewhere = await openEsdbEventStore({ url: other.url });
    t.teardown(() => elsewhere.close());
    t.not(await elsewhere.logId(), await (await open()).logId());
  });
});
