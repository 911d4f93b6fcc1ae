import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, Level, LevelWithSilent } from 'pino';

/** pino loggers answer this; a logger that does not is asked on every call. */
type Parent = FastifyBaseLogger & { isLevelEnabled?(level: string): boolean };

/**
 * fastify makes a child logger for every request ({ reqId }), and the auth hook
 * another one ({ user, role }). Each pino child serialises its bindings (and
 * runs our serialisers over them) when it is made — measured at about 5 µs
 * for the two, paid on every request even though most requests log nothing
 * at warn. This stand-in makes the real child only when a line at an enabled
 * level is first logged, then forwards to it, so lines, bindings and
 * redaction stay what pino makes them.
 */
export class LazyChildLogger implements FastifyBaseLogger {
  // Private by #, so no name here shadows a pino method such as bindings().
  readonly #parent: Parent;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions;
  #real: FastifyBaseLogger | undefined;

  constructor(parent: Parent, bindings: Bindings, options: ChildLoggerOptions = {}) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  get level(): LevelWithSilent | string {
    return (this.#real ?? this.#parent).level;
  }

  set level(level: LevelWithSilent | string) {
    this.#materialize().level = level;
  }

  isLevelEnabled(level: string): boolean {
    const source: Parent = this.#real ?? this.#parent;
    return typeof source.isLevelEnabled === 'function' ? source.isLevelEnabled(level) : true;
  }

  fatal(...args: unknown[]): void { this.#log('fatal', args); }
  error(...args: unknown[]): void { this.#log('error', args); }
  warn(...args: unknown[]): void { this.#log('warn', args); }
  info(...args: unknown[]): void { this.#log('info', args); }
  debug(...args: unknown[]): void { this.#log('debug', args); }
  trace(...args: unknown[]): void { this.#log('trace', args); }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    // A level of its own changes what is enabled; let pino work that out.
    if (options?.level !== undefined) return this.#materialize().child(bindings, options);
    return new LazyChildLogger(this, bindings, options);
  }

  #log(level: Level, args: unknown[]): void {
    if (this.#real === undefined && !this.isLevelEnabled(level)) return;
    const real = this.#materialize();
    (real[level] as (...args: unknown[]) => void).apply(real, args);
  }

  #materialize(): FastifyBaseLogger {
    if (this.#real) return this.#real;
    // A lazy parent's child() would be lazy again; ask its real logger instead.
    const parent = this.#parent instanceof LazyChildLogger ? this.#parent.#materialize() : this.#parent;
    return (this.#real = parent.child(this.#bindings, this.#options));
  }
}

/** For fastify's `childLoggerFactory`: a route with its own log level gets a real child at once. */
export function lazyChildLoggerFactory(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  return options.level !== undefined ? logger.child(bindings, options) : new LazyChildLogger(logger, bindings, options);
}
