import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { EventStore } from '../../contracts/event-store.js';
import { walkLog, type BrokenStream, type WalkResult } from './chain-walk.js';

/** What /readyz says of the log's hash chains. */
export const integrityReportSchema = z.object({
  /** No broken chain in the last complete walk (true before the first). */
  ok: z.boolean(),
  /** Seconds between walks; 0: the background check is off. */
  intervalSeconds: z.number(),
  /** Complete walks since start. */
  passes: z.number().int(),
  /** The metric: broken chains found since start, each counted (and logged) once while it stays broken. */
  breaksFound: z.number().int(),
  lastPass: z.object({ finishedAt: z.string(), streams: z.number().int(), events: z.number().int(), tookMs: z.number() }).optional(),
  /** The chains broken in the last complete walk. */
  streams: z.array(z.object({ stream: z.string(), brokenAt: z.number().int(), reason: z.string() })),
});
export type IntegrityReport = z.infer<typeof integrityReportSchema>;

type Log = Pick<FastifyBaseLogger, 'error' | 'warn' | 'info'>;

const keyOf = (broken: BrokenStream) => `${broken.stream}@${broken.brokenAt}: ${broken.reason}`;

/**
 * Walks the whole log in the background every `intervalMs` (0: never) and
 * keeps what the last walk found for /readyz. Each broken chain is logged
 * as one error line and counted when first found, not again at every walk
 * while it stays broken (found again after it was repaired, it counts anew).
 */
export class IntegrityMonitor {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = false;
  #passes = 0;
  #breaksFound = 0;
  #broken: BrokenStream[] = [];
  #lastPass: IntegrityReport['lastPass'];

  constructor(
    private readonly store: EventStore,
    private readonly intervalMs: number,
    private readonly log: Log,
  ) {}

  /** Schedules the walks, the first one interval after now. */
  start(): void {
    if (this.intervalMs <= 0 || this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.check().finally(() => {
        this.#running = undefined;
        this.start();
      });
    }, this.intervalMs);
    // A pending walk never keeps the process alive.
    this.#timer.unref();
  }

  /** One walk now; what it found becomes the report unless it was stopped half-way. */
  async check(): Promise<WalkResult | undefined> {
    const started = Date.now();
    let result: WalkResult;
    try {
      result = await walkLog(this.store, () => this.#stopped);
    } catch (error) {
      this.log.warn({ err: error }, 'the hash-chain check of the log could not finish; it runs again at the next interval');
      return undefined;
    }
    if (!result.complete) return result;
    const known = new Set(this.#broken.map(keyOf));
    for (const broken of result.broken) {
      if (known.has(keyOf(broken))) continue;
      this.#breaksFound += 1;
      this.log.error(broken, `hash chain broken: ${broken.stream} at revision ${broken.brokenAt} (${broken.reason})`);
    }
    this.#broken = result.broken;
    this.#passes += 1;
    const tookMs = Date.now() - started;
    this.#lastPass = { finishedAt: new Date().toISOString(), streams: result.streams, events: result.events, tookMs };
    this.log.info({ ...this.#lastPass, broken: result.broken.length }, 'checked the hash chain of every stream in the log');
    return result;
  }

  report(): IntegrityReport {
    return {
      ok: this.#broken.length === 0,
      intervalSeconds: this.intervalMs / 1000,
      passes: this.#passes,
      breaksFound: this.#breaksFound,
      ...(this.#lastPass ? { lastPass: this.#lastPass } : {}),
      streams: this.#broken,
    };
  }

  /** No more walks; one under way stops before its next stream. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}
