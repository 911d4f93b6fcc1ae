import { StartupProblem } from '../startup-problem.js';

/**
 * How long a client may take, how much it may ask, and when the process
 * says it is too busy: the transport's limits, each overridable from the
 * environment (README, "Configuration"). The defaults cut a client that
 * trickles its headers or body off within 30 s, and leave real use (and
 * `npm run bench`, which raises RATE_LIMIT_USER) unthrottled.
 */
export interface TransportLimits {
  /** From the first byte of a request to the end of its headers. */
  headersTimeoutMs: number;
  /** From the first byte of a request to the end of its body (headers included). */
  requestTimeoutMs: number;
  /** How long a kept-alive connection may sit idle between requests. */
  keepAliveTimeoutMs: number;
  /** How long a socket may go without a byte either way, whatever it is doing. */
  idleTimeoutMs: number;
  /** After `close()`, how long in-flight requests have before every connection is cut. */
  shutdownGraceMs: number;
  /** The window every rate limit counts in. */
  rateLimitWindowMs: number;
  /** Requests per window for one signed-in subject, wherever it connects from. */
  rateLimitUser: number;
  /** Requests per window from one address without a token (tighter: nobody is accountable). */
  rateLimitAnonymous: number;
  /** 401s per window from one address before it is refused anything until the window ends. */
  rateLimitAuthFailures: number;
  /** Public reads (`/api/public/...`: finding deputies, activities, figures) per window per address. */
  rateLimitPublicRead: number;
  /** Public writes (messages, appointments, pressing a matter) per window per address. */
  rateLimitPublicWrite: number;
  /** Tracking lookups per window per address: tight, so codes cannot be guessed by trying them. */
  rateLimitPublicTrack: number;
  /** Mean event-loop delay (ms) above which requests get 503 at once; 0 turns the check off. */
  pressureMaxEventLoopDelayMs: number;
  /** Heap in use (bytes) above which requests get 503; 0 turns the check off. */
  pressureMaxHeapUsedBytes: number;
  /**
   * How often the event loop and heap are sampled (not from the environment:
   * a window shorter than the loop's longest turn holds no sample at all,
   * which under-pressure reads as an infinite delay).
   */
  pressureSampleIntervalMs: number;
  /** The Retry-After a 503 under pressure carries, in seconds. */
  pressureRetryAfterSeconds: number;
  /** fastify's trustProxy: false, true, a hop count, or addresses/CIDRs; decides whose address `request.ip` is. */
  trustProxy: boolean | number | string[];
}

export const defaultTransportLimits: TransportLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 25_000,
  keepAliveTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  shutdownGraceMs: 5_000,
  rateLimitWindowMs: 60_000,
  rateLimitUser: 3_000,
  rateLimitAnonymous: 600,
  rateLimitAuthFailures: 20,
  rateLimitPublicRead: 120,
  rateLimitPublicWrite: 10,
  rateLimitPublicTrack: 20,
  pressureMaxEventLoopDelayMs: 1_000,
  pressureMaxHeapUsedBytes: 0,
  pressureSampleIntervalMs: 1_000,
  pressureRetryAfterSeconds: 5,
  trustProxy: false,
};

type FromEnv = Exclude<keyof TransportLimits, 'trustProxy' | 'pressureSampleIntervalMs'>;

const variables: Record<FromEnv, string> = {
  headersTimeoutMs: 'HTTP_HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'HTTP_REQUEST_TIMEOUT_MS',
  keepAliveTimeoutMs: 'HTTP_KEEP_ALIVE_TIMEOUT_MS',
  idleTimeoutMs: 'HTTP_IDLE_TIMEOUT_MS',
  shutdownGraceMs: 'HTTP_SHUTDOWN_GRACE_MS',
  rateLimitWindowMs: 'RATE_LIMIT_WINDOW_MS',
  rateLimitUser: 'RATE_LIMIT_USER',
  rateLimitAnonymous: 'RATE_LIMIT_ANONYMOUS',
  rateLimitAuthFailures: 'RATE_LIMIT_AUTH_FAILURES',
  rateLimitPublicRead: 'RATE_LIMIT_PUBLIC_READ',
  rateLimitPublicWrite: 'RATE_LIMIT_PUBLIC_WRITE',
  rateLimitPublicTrack: 'RATE_LIMIT_PUBLIC_TRACK',
  pressureMaxEventLoopDelayMs: 'PRESSURE_MAX_EVENT_LOOP_DELAY_MS',
  pressureMaxHeapUsedBytes: 'PRESSURE_MAX_HEAP_USED_BYTES',
  pressureRetryAfterSeconds: 'PRESSURE_RETRY_AFTER_S',
};

/** Timeouts and windows must be positive; a zero there would mean "never", which is what this guards against. */
const mayBeZero = new Set<keyof TransportLimits>(['pressureMaxEventLoopDelayMs', 'pressureMaxHeapUsedBytes']);

function wholeNumber(name: string, text: string, allowZero: boolean): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || (!allowZero && value === 0)) {
    // An operator's setting, not a bug: server.ts prints it as one line.
    throw new StartupProblem(`${name} must be a whole number${allowZero ? '' : ' above 0'}, not "${text}"`);
  }
  return value;
}

function trustProxyFrom(text: string): TransportLimits['trustProxy'] {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

/** The limits as the environment sets them; unset variables keep their defaults, bad ones stop the start. */
export function transportLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): TransportLimits {
  const limits: TransportLimits = { ...defaultTransportLimits };
  for (const [key, name] of Object.entries(variables) as [FromEnv, string][]) {
    const text = env[name];
    if (text !== undefined && text !== '') limits[key] = wholeNumber(name, text, mayBeZero.has(key));
  }
  if (env.TRUST_PROXY) limits.trustProxy = trustProxyFrom(env.TRUST_PROXY);
  return limits;
}

/**
 * Node checks header and request deadlines on an interval (30 s unless
 * told), so a deadline is only as sharp as that interval: a quarter of the
 * shorter deadline, between 50 ms and 1 s.
 */
export function connectionsCheckingInterval(limits: TransportLimits): number {
  return Math.min(1_000, Math.max(50, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
}
