import t from 'tap';
import { people, testApp, tokenFor, type Who } from '../../support/test-app.js';

// Were an open stream to hold app.close() up, the cut-off would come only after this.
process.env.HTTP_SHUTDOWN_GRACE_MS = '600000';

interface SseEvent {
  id?: string;
  event?: string;
  data: { position: number; cases: { total: number }; scope: { area: string | null } };
}

/** Reads server-sent events from a real connection; every read gives up after `ms`, so the test always ends. */
function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async function next(ms = 10_000): Promise<SseEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) continue; // a heartbeat
        const fields = Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
        return { id: fields.id, event: fields.event, data: JSON.parse(fields.data ?? 'null') };
      }
      const chunk = await Promise.race([
        reader.read(),
        // unref: a deadline left waiting must not keep the test process alive.
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event in time')), Math.max(0, deadline - Date.now())).unref()),
      ]);
      if (chunk.done) throw new Error('the stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
}

t.test('dashboard stream › pushes the caller’s figures at once, again as cases change, resumes by Last-Event-ID, and closes with the app', async (t) => {
  const { app, openCase, auth, store, close } = await testApp(t);
  await openCase();
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const streams: AbortController[] = [];
  t.teardown(() => streams.forEach((s) => s.abort()));
  const connect = async (who: Who, headers: Record<string, string> = {}) => {
    await auth(who);
    const abort = new AbortController();
    streams.push(abort);
    const head = await store.headPosition();
    const response = await fetch(`${base}/api/dashboard/stream?minPosition=${head}`, { headers: { authorization: tokenFor(who), ...headers }, signal: abort.signal });
    t.equal(response.headers.get('content-type'), 'text/event-stream');
    return sseReader(response);
  };

  const supervisor = await connect(people.supervisor);
  const first = await supervisor();
  t.match(first, { event: 'dashboard', data: { scope: { area: '520221' }, cases: { total: 1 } } });
  t.equal(first.id, String(first.data.position), 'the id is the log position the figures include');

  const other = await connect(people.otherSupervisor);
  t.match((await other()).data, { scope: { area: '520201' }, cases: { total: 0 } });

  await openCase();
  const second = await supervisor();
  t.match(second.data, { cases: { total: 2 } }, 'the new case, pushed');
  t.ok(Number(second.id) > Number(first.id));

  const resumed = await connect(people.supervisor, { 'last-event-id': first.id! });
  t.match(await resumed(), { id: second.id, data: { cases: { total: 2 } } }, 'behind the current position: the current figures at once');
  const current = await connect(people.supervisor, { 'last-event-id': second.id! });
  await openCase();
  t.match((await current()).data, { cases: { total: 3 } }, 'already current: the next push is the next change');

  const closed = await Promise.race([close().then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('held'), 20_000).unref())]);
  t.equal(closed, 'closed', 'open streams do not hold the app open');
  const drain = async () => {
    for (;;) await supervisor(5_000);
  };
  await t.rejects(drain(), /the stream ended|terminated/i, 'after what it was sent, the stream ended with the app');
});

t.test('dashboard stream › refuses a caller without a token or outside their area before streaming', async (t) => {
  const { call, app } = await testApp(t);
  const anonymous = await app.inject({ method: 'GET', url: '/api/dashboard/stream', headers: { accept: 'text/event-stream' } });
  t.equal(anonymous.statusCode, 401);
  t.equal(anonymous.headers['content-type'], 'application/problem+json; charset=utf-8');
  const prying = await call(people.otherSupervisor, 'GET', '/api/dashboard/stream?area=520221', undefined, { accept: 'text/event-stream' });
  t.equal(prying.statusCode, 403);
  const bad = await call(people.supervisor, 'GET', '/api/dashboard/stream?from=never', undefined, { accept: 'text/event-stream' });
  t.equal(bad.statusCode, 400);
  t.match(bad.json().errors, [{ path: 'from' }]);
});
