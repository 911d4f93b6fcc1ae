import t from 'tap';
import { transportApp } from './transport-app.js';
import { RawClient, sleep } from './transport-sockets.js';

t.test('shutdown › a request that arrives while closing gets 503 problem+json; the rest are cut at the grace period', async (t) => {
  const grace = 400;
  const { app, listen } = await transportApp(t, { shutdownGraceMs: grace, headersTimeoutMs: 20_000, requestTimeoutMs: 20_000 });
  const port = await listen();
  const late = new RawClient(port);
  const stuck = new RawClient(port);
  late.send('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
  stuck.send('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
  // Both connections accepted before closing begins, however busy the machine
  // (a fixed 50 ms was not always enough with the whole suite running).
  const connections = () => new Promise<number>((resolve, reject) => app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
  for (let waited = 0; (await connections()) < 2 && waited < 2_000; waited += 10) await sleep(10);
  await sleep(50);

  const started = Date.now();
  const closing = app.close();
  await sleep(50);
  late.send('\r\n');
  const answered = await late.closed;
  t.equal(answered.response?.status, 503, 'the request finished after close() began is refused');
  t.equal(answered.response?.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.equal(answered.response?.headers['retry-after'], '1');
  t.equal(answered.response?.headers.connection, 'close');
  t.match(JSON.parse(answered.response?.body ?? '{}'), { status: 503, code: 'HTTP.SHUTTING_DOWN' });

  await Promise.race([closing, sleep(grace + 2_000)]);
  const tookMs = Date.now() - started;
  t.ok(tookMs >= grace - 20 && tookMs < grace + 1_000, `close() returned after ${tookMs} ms (grace ${grace} ms)`);
  t.ok((await Promise.race([stuck.closed, sleep(500)])) !== undefined, 'the client that never finished its headers was cut off');
  stuck.destroy();
});
