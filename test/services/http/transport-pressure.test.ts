import t from 'tap';
import { transportApp } from './transport-app.js';

/** Keeps the event loop from turning for `ms`, as a runaway handler would. */
function block(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

t.test('under pressure › a saturated event loop answers 503 problem+json with Retry-After at once', async (t) => {
  // A sample stands for 500 ms: long enough for the request below to meet the one that saw the busy turns.
  // The threshold is well above what a loaded test machine's loop shows on its own.
  const { app } = await transportApp(t, { pressureMaxEventLoopDelayMs: 150, pressureSampleIntervalMs: 500, pressureRetryAfterSeconds: 7 });
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'an idle server answers');

  // Busy turns of 300 ms each, as a loop saturated by work would take, until a sample has seen them.
  for (let turns = 0; turns < 20 && !app.isUnderPressure(); turns++) await new Promise((resolve) => setImmediate(() => resolve(block(300))));
  t.ok(app.isUnderPressure(), `event-loop delay ${app.memoryUsage().eventLoopDelay.toFixed(0)} ms is over the 150 ms threshold`);
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(res.statusCode, 503);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.equal(res.headers['retry-after'], '7', 'Retry-After is the configured one');
  t.match(res.json(), { status: 503, code: 'HTTP.OVERLOADED', title: 'Service unavailable', instance: '/healthz' });

  // Once the loop turns freely again the next samples clear it.
  for (let tries = 0; tries < 60 && app.isUnderPressure(); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'and answers again once the loop is free');
});

t.test('under pressure › a heap over its threshold answers 503 too', async (t) => {
  const { app } = await transportApp(t, { pressureMaxHeapUsedBytes: 1, pressureSampleIntervalMs: 20 });
  for (let tries = 0; tries < 50 && !app.isUnderPressure(); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(res.statusCode, 503);
  t.match(res.json(), { code: 'HTTP.OVERLOADED' });
  t.equal(res.headers['retry-after'], '5', 'the default Retry-After');
});

t.test('under pressure › the default threshold leaves a busy but healthy server alone', async (t) => {
  // Sampled often, so that the busy turns below are seen and judged by the default threshold.
  const { app } = await transportApp(t, { pressureSampleIntervalMs: 400 });
  for (let turns = 0; turns < 20; turns++) await new Promise((resolve) => setImmediate(() => resolve(block(50))));
  t.ok(app.memoryUsage().eventLoopDelay > 20, `the sampler saw ${app.memoryUsage().eventLoopDelay.toFixed(0)} ms of delay`);
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'and still answers');
});
