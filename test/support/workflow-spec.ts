import type { EventContract } from '../../contracts/event-contract.js';
import { upcastData } from '../../contracts/event-contract.js';
import type { JsonObject, RecordedEvent } from '../../contracts/event-store.js';
import type { Actor } from '../../contracts/metadata.js';
import { decideAndCheck, type Decision } from '../../workflows/engine/decide.js';
import { workflowVersions, type Message, type WorkflowDefinition } from '../../workflows/engine/definition.js';
import { validateCommand } from '../../workflows/engine/field-issues.js';
import { emptyStream, foldEvents, type FoldedStream } from '../../workflows/engine/fold.js';

/** The time specs act at unless told otherwise. */
export const specTime = '2026-06-13T01:00:00.000Z';

/**
 * An event in a spec's history. `occurredAt` and `actor` default to the
 * spec's; `schemaVersion` to the event type's current one (set it lower to
 * give an event as an older writer stored it).
 */
export interface GivenEvent {
  type: string;
  data: object;
  occurredAt?: string;
  actor?: Actor;
  schemaVersion?: number;
}

export interface SpecOptions {
  streamId?: string;
  /** When the command is decided (the envelope's time). */
  occurredAt?: string;
  /** When the given events happened, unless they say; defaults to `occurredAt`. */
  givenAt?: string;
  /** Who sends the command. */
  actor?: Actor;
  /** Who wrote the given events, unless they say; defaults to `actor`. */
  givenBy?: Actor;
  /** What the service would have looked up for the command (DecideContext.facts). */
  facts?: unknown;
}

export interface Outcome<S, C extends Message, E extends Message> {
  decision?: Decision<S, C, E>;
  error?: unknown;
}

const contractsOf = (definition: WorkflowDefinition) => definition.events as Readonly<Record<string, EventContract>>;

/**
 * Every event a spec gives or decides must be one its contract accepts
 * (given ones after upcasting, as a fold reads them): the engine does not
 * re-check decided data per command, so the specs are where a decider that
 * writes the wrong shape, or a fixture that is not a real history, shows.
 * A mismatch throws, so it fails the test instead of passing as a refusal.
 */
function checkContract(definition: WorkflowDefinition, what: string, type: string, data: JsonObject, metadata: JsonObject) {
  const contract = contractsOf(definition)[type];
  if (!contract) return;
  const parsed = contract.schema.safeParse(upcastData(contract, data, metadata));
  if (!parsed.success) throw new Error(`${what} ${type} does not match its contract: ${parsed.error.message}`);
}

/**
 * Given/when/then over one version of a workflow, without any store: the
 * given events are folded as if recorded under that version, the command is
 * validated, decided and checked as the engine does, and the outcome is
 * either the decision (events and the state after) or the thrown error.
 */
export function workflowSpec<S, C extends Message, E extends Message>(definition: WorkflowDefinition<S, C, E>) {
  const versions = workflowVersions(definition);
  return (given: readonly GivenEvent[], options: SpecOptions = {}) => {
    const streamId = options.streamId ?? 'spec-1';
    const occurredAt = options.occurredAt ?? specTime;
    const actor = options.actor ?? { id: 'staff-1', role: 'staff' as const };
    const streamName = `${definition.category}-${streamId}`;
    const recorded: RecordedEvent[] = given.map((event, revision) => {
      const metadata: JsonObject = {
        occurredAt: event.occurredAt ?? options.givenAt ?? occurredAt,
        actor: event.actor ?? options.givenBy ?? actor,
        commandId: `given-${revision}`,
        workflow: { name: definition.name, version: definition.version },
        schemaVersion: event.schemaVersion ?? contractsOf(definition)[event.type]?.version ?? 1,
      };
      const data = event.data as JsonObject;
      checkContract(definition, `given event ${revision}:`, event.type, data, metadata);
      return {
        id: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
        type: event.type,
        data,
        metadata,
        streamName,
        revision,
        position: revision + 1,
        recordedAt: specTime,
      };
    });
    const before: FoldedStream<S, C, E> = foldEvents(versions, emptyStream(definition, streamName), recorded);
    return {
      before,
      when(command: { type: string; data: unknown }): Outcome<S, C, E> {
        let decision: Decision<S, C, E>;
        try {
          const request = { streamId, commandId: 'when-1', occurredAt, actor, ...command };
          const { envelope, command: valid } = validateCommand(before.definition, request);
          // As the engine does: decide on the envelope as validated, with the data parsed by its command's own schema.
          const context = { streamId, commandId: envelope.commandId, occurredAt: envelope.occurredAt, actor: envelope.actor, facts: options.facts };
          decision = decideAndCheck(before, valid as C, context);
        } catch (error) {
          return { error };
        }
        for (const event of decision.events) {
          checkContract(definition, 'decided', event.type, event.data as JsonObject, { schemaVersion: contractsOf(definition)[event.type]?.version ?? 1 });
        }
        return { decision };
      },
    };
  };
}
