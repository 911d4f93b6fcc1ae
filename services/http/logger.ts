import { pino, type DestinationStream, type Logger } from 'pino';

const CENSOR = '[redacted]';
/** Keys whose values never reach the log, at any depth. */
const SECRET_KEYS = new Set(['authorization']);
/** Under a `constituent`, these are a citizen's: redacted (the address names their house or village group). */
const CONSTITUENT_KEYS = ['name', 'phone', 'address'];
const MAX_DEPTH = 8;

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null || Array.isArray(value) || value instanceof Error;
}

/**
 * The value with citizens' names and phone numbers and any authorization
 * header replaced, copied only where something was replaced (most lines
 * hold none, and cost one walk over a few keys). Plain objects, arrays and
 * errors are walked; other class instances (fastify's request and reply)
 * are left to their serialisers, which write no personal data.
 */
export function scrub(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || !isPlain(value)) return value;
  let copy: Record<string, unknown> | unknown[] | undefined;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const original = source[key];
    let next: unknown;
    if (SECRET_KEYS.has(key.toLowerCase())) next = original === undefined ? undefined : CENSOR;
    else if (key === 'constituent' && original !== null && typeof original === 'object') {
      next = { ...(scrub(original, depth + 1) as object) };
      for (const field of CONSTITUENT_KEYS) if (field in (next as object)) (next as Record<string, unknown>)[field] = CENSOR;
    } else next = scrub(original, depth + 1);
    if (next !== original) {
      copy ??= Array.isArray(value) ? [...value] : errorAsObject(value);
      (copy as Record<string, unknown>)[key] = next;
    }
  }
  return copy ?? value;
}

/** An error's own fields plus the message and stack its serialiser would have written. */
function errorAsObject(value: object): Record<string, unknown> {
  if (!(value instanceof Error)) return { ...value };
  return { ...value, type: value.name, message: value.message, stack: value.stack };
}

/**
 * Names and phone numbers of citizens never reach the log, wherever they
 * sit in a logged object, nor do bearer tokens; in a child logger's
 * bindings, a `constituent` or `authorization` key is censored too. Done by
 * one walk per line rather than pino's wildcard redaction, which measured
 * about twice the cost of the line itself and ran again for every child
 * logger each request makes.
 */
export function createLogger(options: { level?: string; pretty?: boolean; destination?: DestinationStream } = {}): Logger {
  const settings = {
    name: 'huiyin',
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    formatters: { log: (object: Record<string, unknown>) => scrub(object) as Record<string, unknown> },
    // Serialisers also run on child bindings, which the formatter never sees.
    serializers: {
      constituent: (value: unknown) => (scrub({ constituent: value }) as { constituent: unknown }).constituent,
      authorization: () => CENSOR,
    },
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
