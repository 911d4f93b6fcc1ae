import t from 'tap';
import { connectionsCheckingInterval, defaultTransportLimits, transportLimitsFromEnv } from '../../../services/http/transport-config.js';

t.test('transport config › the defaults cut a trickler off within 30 s and stop within 10 s', async (t) => {
  const worst = Math.max(defaultTransportLimits.headersTimeoutMs, defaultTransportLimits.requestTimeoutMs) + connectionsCheckingInterval(defaultTransportLimits);
  t.ok(worst <= 30_000, `a trickler is cut after at most ${worst} ms`);
  t.ok(defaultTransportLimits.shutdownGraceMs <= 10_000, 'shutdown waits at most 10 s');
  t.ok(defaultTransportLimits.rateLimitAnonymous < defaultTransportLimits.rateLimitUser, 'requests without a token get the tighter limit');
  t.ok(defaultTransportLimits.rateLimitAuthFailures < defaultTransportLimits.rateLimitAnonymous, 'and failed sign-ins a tighter one still');
  t.same(transportLimitsFromEnv({}), defaultTransportLimits, 'an empty environment keeps every default');
});

t.test('transport config › the environment sets each limit; a bad value stops the start, naming the variable', async (t) => {
  const limits = transportLimitsFromEnv({
    HTTP_HEADERS_TIMEOUT_MS: '500',
    HTTP_REQUEST_TIMEOUT_MS: '800',
    RATE_LIMIT_USER: '1000000000',
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    TRUST_PROXY: '10.0.0.1, 10.0.0.0/8',
  });
  t.match(limits, { headersTimeoutMs: 500, requestTimeoutMs: 800, rateLimitUser: 1_000_000_000, pressureMaxEventLoopDelayMs: 0 });
  t.same(limits.trustProxy, ['10.0.0.1', '10.0.0.0/8']);
  t.equal(transportLimitsFromEnv({ TRUST_PROXY: 'true' }).trustProxy, true);
  t.equal(transportLimitsFromEnv({ TRUST_PROXY: '2' }).trustProxy, 2);
  t.equal(connectionsCheckingInterval(limits), 125, 'deadlines are checked four times within the shorter one');
  t.throws(() => transportLimitsFromEnv({ HTTP_REQUEST_TIMEOUT_MS: '30s' }), /HTTP_REQUEST_TIMEOUT_MS must be a whole number above 0, not "30s"/);
  t.throws(() => transportLimitsFromEnv({ HTTP_HEADERS_TIMEOUT_MS: '0' }), /above 0/, 'a zero deadline would mean none');
  t.throws(() => transportLimitsFromEnv({ RATE_LIMIT_ANONYMOUS: '-5' }), { name: 'StartupProblem', message: /RATE_LIMIT_ANONYMOUS/ }, 'said as a start-up problem, in one line');
});
