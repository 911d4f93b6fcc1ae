import type { EventData, EventStore, RecordedEvent } from '../../contracts/event-store.js';
import { HuiyinError, StreamNotFoundError, WrongExpectedRevisionError } from '../../contracts/errors.js';
import type { CommandEnvelope, EventMetadata } from '../../contracts/metadata.js';
import { decideAndCheck, type Decision } from './decide.js';
import { versionOf, workflowVersions, type Message, type WorkflowDefinition, type WorkflowVersions } from './definition.js';
import { validateCommand } from './field-issues.js';
import { allowedCommands, emptyStream, foldEvents, type FoldedStream } from './fold.js';
import { KeyedQueue } from './keyed-queue.js';
import { sealEvents } from './seal.js';
import { StreamCache } from './stream-cache.js';

export interface CommandResult<S = unknown, C extends Message = Message, E extends Message = Message, R = unknown> {
  streamName: string;
  /** Revision of the command's last event. */
  revision: number;
  /** Log position of the command's last event (-1 when the workflow decided that nothing happens). */
  position: number;
  /** True when the command id was already in the stream: nothing was written. */
  replayed: boolean;
  /** The events written now (empty on a replay). */
  events: EventData[];
  /** The stream's state after this command (on a replay: the current state). */
  state: FoldedStream<S, C, E>;
  /** What `authorize` answered on the state the command was decided on (undefined on a replay). */
  rights: R | undefined;
}

export interface EngineOptions {
  /** Folded streams kept in memory. */
  cacheSize?: number;
  /** Reload-and-retry rounds on a concurrency conflict before giving up. */
  maxConflictRetries?: number;
  /** The clock for cache freshness only; domain time comes with each command. */
  now?: () => number;
  /** The workflow version new streams are opened under (default: the latest). */
  version?: number;
}

export interface ExecuteHints<S = unknown, C extends Message = Message, E extends Message = Message, R = unknown> {
  /**
   * The caller's word that the stream id was just made up (a random case
   * id), so there is nothing to read; if that proves wrong the append's
   * `no_stream` expectation fails and the stream is read.
   */
  newStream?: boolean;
  /**
   * The caller's rights on the stream as it is; throws if they may not act.
   * Asked once per state the decision is made on (again only after a
   * reload), and its answer comes back in the result, so whoever reports
   * what the caller may do reports what the engine used.
   */
  authorize?: (stream: FoldedStream<S, C, E>) => R;
  /**
   * The caller's word that it built the envelope itself from checked values
   * and parsed `data` with the command's own schema (as an HTTP route does
   * at the boundary), so the engine need not parse both a second time.
   */
  validated?: boolean;
  /** Handed to the decider as `context.facts` (see DecideContext). */
  facts?: unknown;
}

/** Runs commands of one workflow (every version of it) against an event store. */
export class WorkflowEngine<S = unknown, C extends Message = Message, E extends Message = Message> {
  readonly workflow: WorkflowVersions<S, C, E>;
  /** The version new streams are opened under. */
  readonly definition: WorkflowDefinition<S, C, E>;
  readonly #cache: StreamCache;
  readonly #queue = new KeyedQueue();
  readonly #maxRetries: number;

  constructor(
    readonly store: EventStore,
    workflow: WorkflowVersions<S, C, E> | WorkflowDefinition<S, C, E>,
    options: EngineOptions = {},
  ) {
    this.workflow = 'versions' in workflow ? workflow : workflowVersions(workflow);
    this.definition = versionOf(this.workflow, options.version ?? this.workflow.latest);
    this.#cache = new StreamCache(options.cacheSize ?? 10_000, options.now);
    this.#maxRetries = options.maxConflictRetries ?? 5;
  }

  streamNameOf(streamId: string): string {
    return `${this.workflow.category}-${streamId}`;
  }

  #cached(streamName: string, maxAgeMs?: number): FoldedStream<S, C, E> | undefined {
    const hit = maxAgeMs === undefined ? this.#cache.get(streamName) : this.#cache.fresh(streamName, maxAgeMs);
    // The cache is shared by nothing else, so what it holds was put here by this engine.
    return hit as FoldedStream<S, C, E> | undefined;
  }

  /**
   * The stream folded to its latest event; reads only what the cache lacks.
   * With `maxAgeMs`, a state this instance read or wrote that recently is
   * returned without asking the store — for lookups that may lag other
   * instances' writes by that much (this instance's own writes never lag).
   */
  async load(streamName: string, options: { maxAgeMs?: number } = {}): Promise<FoldedStream<S, C, E>> {
    if (options.maxAgeMs !== undefined) {
      const fresh = this.#cached(streamName, options.maxAgeMs);
      if (fresh) return fresh;
    }
    const cached = this.#cached(streamName);
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
    const folded = foldEvents(this.workflow, start, events);
    this.#cache.put(folded);
    return folded;
  }

  /** The commands the stream's workflow takes in its status now. */
  allowedActions(stream: FoldedStream<S, C, E>): C['type'][] {
    return allowedCommands(stream.definition, stream.snapshot);
  }

  /**
   * Validates, then runs the command against the stream's latest state.
   * A command id already in the stream answers with its first result and
   * writes nothing — also when found only after a conflict and reload.
   */
  async execute<R = undefined>(request: CommandEnvelope, hints: ExecuteHints<S, C, E, R> = {}): Promise<CommandResult<S, C, E, R>> {
    const { envelope, command } = hints.validated
      ? { envelope: request, command: { type: request.type, data: request.data } }
      : validateCommand(this.definition, request);
    const streamName = this.streamNameOf(envelope.streamId);
    // The command was checked against the workflow's own schema for its type.
    return this.#queue.run(streamName, () => this.#run(streamName, envelope, command as C, hints));
  }

  async #run<R>(
    streamName: string,
    envelope: CommandEnvelope,
    command: C,
    { newStream, authorize, facts }: ExecuteHints<S, C, E, R>,
  ): Promise<CommandResult<S, C, E, R>> {
    const pinned = envelope.expectedRevision;
    const context = {
      streamId: envelope.streamId,
      commandId: envelope.commandId,
      occurredAt: envelope.occurredAt,
      actor: envelope.actor,
      facts,
    };
    // A cached state is trusted optimistically: the append's expected
    // revision catches any writer this instance did not see. The stream is
    // re-read only after a conflict, or before turning the command down.
    let stream = this.#cached(streamName) ?? (newStream ? emptyStream(this.definition, streamName) : undefined);
    let verified = !stream;
    if (!stream) stream = await this.load(streamName);
    for (let attempt = 0; ; attempt++) {
      const landing = stream.commands.get(envelope.commandId);
      if (landing && landing.fingerprint !== undefined && envelope.fingerprint !== undefined && landing.fingerprint !== envelope.fingerprint) {
        throw new HuiyinError('IDEMPOTENCY.KEY_REUSED', 'this idempotency key was already used for another request', {
          commandId: envelope.commandId,
        });
      }
      if (landing) {
        return { streamName, revision: landing.revision, position: landing.position, replayed: true, events: [], state: stream, rights: undefined };
      }
      let decision: Decision<S, C, E>;
      let rights: R | undefined;
      try {
        rights = authorize?.(stream);
        if (pinned !== undefined && pinned !== stream.revision) {
          throw new WrongExpectedRevisionError(streamName, pinned, stream.revision);
        }
        decision = decideAndCheck(stream, command, context);
      } catch (error) {
        if (verified) throw error;
        stream = await this.load(streamName);
        verified = true;
        continue;
      }
      if (decision.events.length === 0) {
        // Nothing to do, decided on a state that may be stale: ask the store before saying so.
        if (!verified) {
          stream = await this.load(streamName);
          verified = true;
          continue;
        }
        return { streamName, revision: stream.revision, position: -1, replayed: false, events: [], state: stream, rights };
      }
      const events = sealEvents(stream, decision.events, envelope);
      const next: FoldedStream<S, C, E> = Object.assign({}, decision.after, {
        revision: stream.revision + events.length,
        lastHash: (events.at(-1)?.metadata as EventMetadata | undefined)?.hash ?? stream.lastHash,
      });
      try {
        const expectedRevision = stream.revision === -1 ? 'no_stream' : stream.revision;
        const appended = await this.store.appendToStream(streamName, events, { expectedRevision });
        const landed = { revision: appended.nextExpectedRevision, position: appended.position };
        next.commands.set(envelope.commandId, envelope.fingerprint === undefined ? landed : Object.assign(landed, { fingerprint: envelope.fingerprint }));
        this.#cache.put(next);
        return { streamName, revision: landed.revision, position: landed.position, replayed: false, events, state: next, rights };
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
