import type { RecordedEvent } from '../contracts/event-store.js';

/** Why a projection stopped, as an operator reads it: the error, and the event it could not apply. */
export interface ProjectionFailure {
  message: string;
  event?: { position: number; stream: string; type: string };
}

/**
 * An event a projection's evolve threw on. Its batch rolled back and the
 * projection stays before it: applying the same code to the same event
 * again would throw again, so it stops until fixed and rebuilt.
 */
export class EvolveFailed extends Error {
  readonly event: NonNullable<ProjectionFailure['event']>;

  constructor(key: string, event: RecordedEvent, readonly reason: unknown) {
    const message = reason instanceof Error ? reason.message : String(reason);
    super(`${key} could not apply ${event.type} at position ${event.position} (${event.streamName}): ${message}`, { cause: reason });
    this.name = 'EvolveFailed';
    this.event = { position: event.position, stream: event.streamName, type: event.type };
  }
}

export function failureOf(error: unknown): ProjectionFailure {
  if (error instanceof EvolveFailed) {
    const reason = error.reason instanceof Error ? error.reason.message : String(error.reason);
    return { message: reason, event: error.event };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}
