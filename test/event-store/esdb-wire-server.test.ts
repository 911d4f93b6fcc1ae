import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent, streamNameFilter, type Position } from '@eventstore/db-client';
import t, { type Test } from 'tap';
import { startEsdbTestServer, type EsdbTestServer, type EsdbTestServerOptions } from '../support/esdb-wire/server.js';

// The wire-level test server is itself held to the real server's documented
// rules, through the client alone, so the adapter is not tested against a
// server made in its image.

async function connect(t: Test, options: EsdbTestServerOptions = {}): Promise<{ client: EventStoreDBClient; server: EsdbTestServer }> {
  const server = await startEsdbTestServer(options);
  const client = EventStoreDBClient.connectionString(server.url);
  t.teardown(async () => {
    await client.dispose();
    await server.close();
  });
  return { client, server };
}

const event = (id = randomUUID()) => jsonEvent({ id, type: 'Happened', data: {} });
const stream = () => `w${randomUUID().slice(0, 8)}-a`;

t.test('esdb wire server › appends', async (t) => {
  t.test('answers a wrong expected version with the expected and current revisions', async (t) => {
    const { client } = await connect(t);
    const name = stream();
    await client.appendToStream(name, [event(), event()]);
    await t.rejects(client.appendToStream(name, event(), { expectedRevision: 5n }), {
      name: /Error$/,
      type: 'wrong-expected-version',
      streamName: name,
      expectedVersion: 5n,
      actualVersion: 1n,
    });
    await t.rejects(client.appendToStream(name, event(), { expectedRevision: 'no_stream' }), { name: /Error$/, expectedVersion: 'no_stream' });
  });

  t.test('forgets `any` retries once their ids have left the committed-event cache', async (t) => {
    const { client } = await connect(t, { committedCacheSize: 2 });
    const name = stream();
    const retried = event();
    const first = await client.appendToStream(name, retried);
    t.same(await client.appendToStream(name, retried), first, 'still cached: idempotent');
    await client.appendToStream(name, [event(), event()]);
    const again = await client.appendToStream(name, retried);
    t.equal(again.nextExpectedRevision, 3n, 'evicted: written again, as the server would');
    const exact = await client.appendToStream(name, retried, { expectedRevision: 'no_stream' });
    t.equal(exact.nextExpectedRevision, 0n, 'an exact retry checks the stream itself, not the cache');
  });
});

t.test('esdb wire server › reads and subscriptions', async (t) => {
  t.test('fails a read that starts inside a record, as the server cannot parse it', async (t) => {
    const { client } = await connect(t);
    const { position } = await client.appendToStream(stream(), event());
    const inside = { commit: position!.commit + 3n, prepare: position!.commit + 3n };
    const reading = async () => {
      for await (const _ of client.readAll({ fromPosition: { commit: 1n, prepare: 1n }, maxCount: 1 })) void _;
    };
    await t.rejects(reading(), { name: /Error$/, type: 'unknown' });
    const beyondLast = [];
    for await (const resolved of client.readAll({ fromPosition: inside, maxCount: 1 })) beyondLast.push(resolved);
    t.same(beyondLast, [], 'past the last record a read finds nothing');
  });

  t.test('starts a subscription after its position and reports checkpoints of considered events', async (t) => {
    const { client, server } = await connect(t);
    const name = stream();
    const others = Array.from({ length: 40 }, () => event());
    const first = await client.appendToStream(name, event());
    await client.appendToStream(stream(), others);
    await client.appendToStream(name, event());
    const checkpoints: Position[] = [];
    const filter = streamNameFilter({ prefixes: [name], checkpointInterval: 1, checkpointReached: (_s, p) => void checkpoints.push(p) });
    const subscription = client.subscribeToAll({ fromPosition: first.position!, filter });
    const revisions: bigint[] = [];
    for await (const resolved of subscription) {
      revisions.push(resolved.event!.revision);
      if (revisions.length === 1) break;
    }
    t.same(revisions, [1n], 'exclusive of the start');
    t.ok(checkpoints.length > 0, 'a checkpoint every 32 events considered');
    const starts = new Set(server.log.records.map((r) => BigInt(r.position)));
    t.ok(checkpoints.every((p) => starts.has(p.commit) && p.commit === p.prepare), 'at positions of events');
  });

  t.test('reports a hard delete on later reads and refuses a delete at the wrong revision', async (t) => {
    const { client } = await connect(t);
    const name = stream();
    await client.appendToStream(name, event());
    await t.rejects(client.tombstoneStream(name, { expectedRevision: 4n }), {
      name: /Error$/,
      type: 'wrong-expected-version',
      expectedVersion: 4n,
      actualVersion: 0n,
    });
    await client.tombstoneStream(name, { expectedRevision: 0n });
    const reading = async () => {
      for await (const _ of client.readStream(name)) void _;
    };
    await t.rejects(reading(), { name: /Error$/, type: 'stream-deleted', streamName: name });
    await t.rejects(client.tombstoneStream(name), { name: /Error$/, type: 'stream-deleted' });
  });
});
