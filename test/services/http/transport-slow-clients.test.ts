import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { startServer, type ServerProcess } from '../../support/server-process.js';
import { headerTrickle, RawClient, sleep } from './transport-sockets.js';

/** The real server in its own process, on a temporary DATA_DIR, with the timeouts the test asks for. */
async function server(t: Test, env: Record<string, string>): Promise<ServerProcess & { port: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huiyin-slow-'));
  const started = await startServer({ DATA_DIR: dataDir, AUTH_SECRET: 'slow-secret', ...env });
  t.teardown(async () => {
    if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
    await started.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { ...started, port: Number(new URL(started.url).port) };
}

const problemOf = (closed: Awaited<RawClient['closed']>) => ({
  status: closed.response?.status,
  type: closed.response?.headers['content-type'],
  code: closed.response ? (JSON.parse(closed.response.body) as { code: string }).code : undefined,
});

t.test('slow clients › a header trickler and a body trickler are cut off with 408 once their time is up', async (t) => {
  const { port } = await server(t, { HTTP_HEADERS_TIMEOUT_MS: '600', HTTP_REQUEST_TIMEOUT_MS: '900' });

  const headers = new RawClient(port);
  headers.send('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
  headers.trickle(headerTrickle(), 100);

  const body = new RawClient(port);
  body.send('POST /api/areas HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
  body.trickle(Array.from({ length: 1000 }, () => ' '), 100);

  // A client that keeps up is not affected by the others.
  t.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);

  const [headersClosed, bodyClosed] = await Promise.all([headers.closed, body.closed]);
  t.same(problemOf(headersClosed), { status: 408, type: 'application/problem+json', code: 'HTTP.REQUEST_TIMEOUT' }, 'the header trickler is told why');
  t.ok(headersClosed.afterMs >= 500 && headersClosed.afterMs < 2_000, `headers cut after ${headersClosed.afterMs} ms (deadline 600 ms)`);
  t.same(problemOf(bodyClosed), { status: 408, type: 'application/problem+json', code: 'HTTP.REQUEST_TIMEOUT' }, 'so is the body trickler');
  t.ok(bodyClosed.afterMs >= 800 && bodyClosed.afterMs < 2_500, `body cut after ${bodyClosed.afterMs} ms (deadline 900 ms)`);
});

t.test('slow clients › on SIGTERM, 5 slow header senders do not hold the server open past the grace period', async (t) => {
  const grace = 600;
  // Header deadlines far beyond the grace period: only the shutdown can end these senders in time.
  const { port, child, exited } = await server(t, {
    HTTP_HEADERS_TIMEOUT_MS: '20000',
    HTTP_REQUEST_TIMEOUT_MS: '20000',
    HTTP_IDLE_TIMEOUT_MS: '20000',
    HTTP_SHUTDOWN_GRACE_MS: String(grace),
  });
  const slow = Array.from({ length: 5 }, () => {
    const client = new RawClient(port);
    client.send('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
    client.trickle(headerTrickle(), 100);
    return client;
  });
  // A request in flight when the signal comes: its body arrives just after, within the grace period.
  const inFlight = new RawClient(port);
  const body = JSON.stringify({ code: '520221', name: 'Slow district' });
  inFlight.send(`POST /api/areas HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
  await sleep(300);

  const signalled = Date.now();
  child.kill('SIGTERM');
  await sleep(150);
  inFlight.send(body);
  // Margins are wide for a loaded machine; the header deadline (20 s) is what they stay under.
  const finished = await Promise.race([inFlight.closed, sleep(grace + 3_000).then(() => undefined)]);
  t.equal(finished?.response?.status, 401, 'the request in flight was answered (it carried no token)');
  t.equal(finished?.response?.headers.connection, 'close', 'and its connection closed with it, before the grace period ended');

  const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => 'answered', (error: Error) => String((error.cause as { code?: string })?.code));
  t.equal(refused, 'ECONNREFUSED', 'no new connection is accepted');

  const code = await Promise.race([exited, sleep(grace + 12_000).then(() => 'still running')]);
  const tookMs = Date.now() - signalled;
  t.equal(code, 0, 'the server exits cleanly');
  t.ok(tookMs < grace + 10_000, `exited ${tookMs} ms after SIGTERM (grace ${grace} ms), long before the 20 s header deadline`);
  t.ok(tookMs >= grace - 50, 'having given the slow senders their grace period');
  const cut = await Promise.race([Promise.all(slow.map((client) => client.closed)), sleep(1_000).then(() => [])]);
  t.equal(cut.length, 5, 'every slow sender was disconnected');
  for (const client of slow) client.destroy();
});
