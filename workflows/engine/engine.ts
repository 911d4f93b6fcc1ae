import type { AnyMachineSnapshot } from 'xstate';
import type { EventData, EventStore, RecordedEvent } from '../../contracts/event-store.js';
import { HuiyinError, StreamNotFoundError, WrongExpectedRevisionError } from '../../contracts/errors.js';
import type { CommandEnvelope, EventMetadata } from '../../contracts/metadata.js';
import { decideAndCheck, type Decision } from './decide.js';
import type { WorkflowDefinition } from './definition.js';
import { validateCommand } from './field-issues.js';
import { allowedCommands, emptyStream, foldEvents, type FoldedStream } from './fold.js';
import { KeyedQueue } from './keyed-queue.js';
import { sealEvents } from './seal.js';
import { StreamCache } from './stream-cache.js';

export interface CommandResult {
  streamName: string;
  /** Revision of the command's last event. */
  revision: number;
  /** Log position of the command's last event. */
  position: number;
  /** True when the command id was already in the stream: nothing was written. */
  replayed: boolean;
  /** The events written now (empty on a replay). */
  events: EventData[];
  /** The stream's state after this command (on a replay: the current state). */
  state: FoldedStream;
}

export interface EngineOptions {
  /** Folded streams kept in memory. */
  cacheSize?: number;
  /** Reload-and-retry rounds on a concurrency conflict before giving up. */
  maxConflictRetries?: number;
  /** The clock for cache freshness only; domain time comes with each command. */
  now?: () => number;
}

export interface ExecuteHints {
  /**
   * The caller's word that the stream id was just made up (a random case
   * id), so there is nothing to read; if that proves wrong the append's
   * `no_stream` expectation fails and the stream is read.
   */
  newStream?: boolean;
  /**
   * Throws if the caller may not act on the stream as it is. Called on the
   * very state the decision is made on, again after every reload, so a
   * permission is never granted on a state that has moved on.
   */
  authorize?: (stream: FoldedStream) => void;
  /**
   * The caller's word that it built the envelope itself from checked values
   * and parsed `data` with the command's own schema (as an HTTP route does
   * at the boundary), so the engine need not parse both a second time.
   */
  validated?: boolean;
}

/** Runs commands of one workflow against an event store. */
export class WorkflowEngine {
  readonly #cache: StreamCache;
  readonly #queue = new KeyedQueue();
  readonly #maxRetries: number;

  constructor(
    readonly store: EventStore,
    readonly definition: WorkflowDefinition,
    options: EngineOptions = {},
  ) {
    this.#cache = new StreamCache(options.cacheSize ?? 10_000, options.now);
    this.#maxRetries = options.maxConflictRetries ?? 5;
  }

  streamNameOf(streamId: string): string {
    return `${this.definition.category}-${streamId}`;
  }

  /**
   * The stream folded to its latest event; reads only what the cache lacks.
   * With `maxAgeMs`, a state this instance read or wrote that recently is
   * returned without asking the store — for lookups that may lag other
   * instances' writes by that much (this instance's own writes never lag).
   */
  async load(streamName: string, options: { maxAgeMs?: number } = {}): Promise<FoldedStream> {
    if (options.maxAgeMs !== undefined) {
      const fresh = this.#cache.fresh(streamName, options.maxAgeMs);
      if (fresh) return fresh;
    }
    const cached = this.#cache.get(streamName);
    const start = cached ?? emptyStream(this.definition, streamName);
    let events: RecordedEvent[];
    try {
      events = await this.store.readStream(streamName, { fromRevision: start.revision + 1 });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return start;
      throw error;
    }
    if (events.length === 0) {
      if (cached) this.#cache.put(cached);
      return start;
    }
    const folded = foldEvents(this.definition, start, events);
    this.#cache.put(folded);
    return folded;
  }

  allowedActions(snapshot: AnyMachineSnapshot): string[] {
    return allowedCommands(this.definition, snapshot);
  }

  /**
   * Validates, then runs the command against the stream's latest state.
   * A command id already in the stream answers with its first result and
   * writes nothing — also when found only after a conflict and reload.
   */
  async execute(request: CommandEnvelope, hints: ExecuteHints = {}): Promise<CommandResult> {
    const { envelope, command } = hints.validated
      ? { envelope: request, command: { type: request.type, data: request.data } }
      : validateCommand(this.definition, request);
    const streamName = this.streamNameOf(envelope.streamId);
    return this.#queue.run(streamName, () => this.#run(streamName, envelope, command, hints));
  }

  /**
   * Runs one command against the stream's latest state; see ExecuteHints.
   */
  async #run(
    streamName: string,
    envelope: CommandEnvelope,
    command: { type: string; data: unknown },
    { newStream, authorize }: ExecuteHints,
  ): Promise<CommandResult> {
    const pinned = envelope.expectedRevision;
    const context = {
      streamId: envelope.streamId,
      commandId: envelope.commandId,
      occurredAt: envelope.occurredAt,
      actor: envelope.actor,
    };
    // A cached state is trusted optimistically: the append's expected
    // revision catches any writer this instance did not see. The stream is
    // re-read only after a conflict, or before turning the command down.
    let stream = this.#cache.get(streamName) ?? (newStream ? emptyStream(this.definition, streamName) : undefined);
    let verified = !stream;
    if (!stream) stream = await this.load(streamName);
    for (let attempt = 0; ; attempt++) {
      const landing = stream.commands.get(envelope.commandId);
      if (landing) return { streamName, revision: landing.revision, position: landing.position, replayed: true, events: [], state: stream };
      let decision: Decision;
      try {
        authorize?.(stream);
        if (pinned !== undefined && pinned !== stream.revision) {
          throw new WrongExpectedRevisionError(streamName, pinned, stream.revision);
        }
        decision = decideAndCheck(this.definition, stream.snapshot, command, context);
      } catch (error) {
        if (verified) throw error;
        stream = await this.load(streamName);
        verified = true;
        continue;
      }
      const events = sealEvents(this.definition, stream, decision.events, envelope);
      const next: FoldedStream = {
        ...stream,
        snapshot: decision.snapshot,
        revision: stream.revision + events.length,
        lastHash: (events.at(-1)?.metadata as EventMetadata | undefined)?.hash ?? stream.lastHash,
      };
      try {
        const expectedRevision = stream.revision === -1 ? 'no_stream' : stream.revision;
        const appended = await this.store.appendToStream(streamName, events, { expectedRevision });
        const landed = { revision: appended.nextExpectedRevision, position: appended.position };
        next.commands.set(envelope.commandId, landed);
        this.#cache.put(next);
        return { streamName, revision: landed.revision, position: landed.position, replayed: false, events, state: next };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || pinned !== undefined) throw error;
        if (attempt >= this.#maxRetries) {
          throw new HuiyinError('ENGINE.TOO_MANY_CONFLICTS', `${streamName}: gave up after ${attempt + 1} conflicts`, {
            streamName,
          });
        }
        stream = await this.load(streamName);
        verified = true;
      }
    }
  }
}
