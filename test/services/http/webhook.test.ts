import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import t, { type Test } from 'tap';
import { webhookSignature } from '../../../services/notifications/webhook.js';
import { ManualClock } from '../../support/manual-clock.js';
import { people, testApp } from '../../support/test-app.js';

const secret = 'a-city-gateway-secret';

/** A gateway on loopback answering each POST with the next status in `statuses` (the last one from then on). */
async function gateway(t: Test, statuses: number[]) {
  const received: Array<{ headers: IncomingHttpHeaders; body: string; status: number }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const status = statuses[Math.min(received.length, statuses.length - 1)]!;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  }));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`, received, statuses };
}

async function appWith(t: Test, url: string, maxAttempts = 8) {
  const clock = new ManualClock(new Date().toISOString());
  const setup = await testApp(t, { webhook: { url, secret, clock, maxAttempts } });
  /** Lets the outbox send what is due now, then moves its clock on by `ms`. */
  const settle = async (ms = 0) => {
    await setup.app.readModels.runner('notifications')!.waitFor(await setup.store.headPosition());
    setup.app.webhook.poke();
    await setup.app.webhook.idle();
    if (ms > 0) {
      clock.moveTo(new Date(clock.now() + ms).toISOString());
      await setup.app.webhook.idle();
    }
  };
  return { ...setup, settle };
}

t.test('webhook › each notification is POSTed, signed, and retried with backoff until the gateway takes it', async (t) => {
  const gw = await gateway(t, [503, 503, 200]);
  const setup = await appWith(t, gw.url);
  const { id } = (await setup.call(people.staff, 'POST', '/api/cases', { channel: 'reception-day', stationId: 'st-baichehe', category: 'roads', summary: '路灯不亮', constituent: { name: '胡' } })).json();
  const assigned = await setup.call(people.admin, 'POST', `/api/cases/${id}/assign`, { deputyIds: ['dep-li'] });
  t.equal(assigned.statusCode, 200, 'the workflow goes on whatever the gateway says');
  await setup.settle(1_000);
  await setup.settle(2_000);
  await setup.settle();
  t.same(gw.received.map((r) => r.status), [503, 503, 200], 'tried again after 1 s and 2 s');
  const last = gw.received[2]!;
  t.match(JSON.parse(last.body), { recipient: 'dep-li', kind: 'assigned', caseId: id, summary: '路灯不亮' });
  t.equal(last.headers['x-huiyin-delivery'], JSON.parse(last.body).id, 'the same delivery id on every try');
  const signature = String(last.headers['x-huiyin-signature']);
  const timestamp = Number(/^t=(\d+),/.exec(signature)?.[1]);
  t.equal(signature, webhookSignature(secret, timestamp, last.body), 'the receiver can check the HMAC over time and body');
  t.same(setup.app.webhook.store.due(Date.now() + 86_400_000, 10), [], 'nothing left to send');
});

t.test('webhook › a delivery that keeps failing is a dead letter an administrator sees and sends again', async (t) => {
  const gw = await gateway(t, [500]);
  const setup = await appWith(t, gw.url, 2);
  const { id } = (await setup.call(people.staff, 'POST', '/api/cases', { channel: 'reception-day', stationId: 'st-baichehe', category: 'roads', summary: '涵洞堵塞', constituent: { name: '胡' } })).json();
  await setup.call(people.admin, 'POST', `/api/cases/${id}/assign`, { deputyIds: ['dep-wen'] });
  await setup.settle(1_000);
  await setup.settle();
  t.equal(gw.received.length, 2, 'two attempts, then it gives up');
  const dead = await setup.call(people.admin, 'GET', '/api/webhook/dead-letters');
  t.equal(dead.statusCode, 200);
  t.match(dead.json().items, [{ attempts: 2, lastError: 'HTTP 500' }]);
  t.equal((await setup.call(people.staff, 'GET', '/api/webhook/dead-letters')).statusCode, 403, 'administrators only');
  gw.statuses.splice(0, gw.statuses.length, 200);
  const letter = dead.json().items[0].id as string;
  const retried = await setup.call(people.admin, 'POST', `/api/webhook/dead-letters/${encodeURIComponent(letter)}/retry`);
  t.equal(retried.statusCode, 202);
  await setup.settle();
  t.equal(gw.received.at(-1)?.status, 200, 'sent again, and taken');
  t.same((await setup.call(people.admin, 'GET', '/api/webhook/dead-letters')).json().items, []);
  const unknown = await setup.call(people.admin, 'POST', '/api/webhook/dead-letters/nobody%3A1/retry');
  t.equal(unknown.statusCode, 404);
});
