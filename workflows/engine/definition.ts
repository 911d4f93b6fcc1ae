import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { ZodType } from 'zod';
import type { JsonObject } from '../../contracts/event-store.js';
import type { Actor } from '../../contracts/metadata.js';

/** An event as decided, before the engine gives it an id and metadata. */
export interface DomainEvent {
  type: string;
  data: JsonObject;
}

/**
 * What the machine sees: the domain event plus when and by whom, so the
 * context can record times without any clock inside the workflow.
 */
export interface MachineEvent extends DomainEvent {
  occurredAt: string;
  actor: Actor;
}

export interface DecideContext {
  streamId: string;
  commandId: string;
  occurredAt: string;
  actor: Actor;
}

/**
 * A workflow: an XState machine over domain events, zod schemas for its
 * commands and events, a command → event mapping and a version. `decide`
 * must be pure; the engine checks every decided event against the machine.
 */
export interface WorkflowDefinition<TMachine extends AnyStateMachine = AnyStateMachine> {
  name: string;
  version: number;
  /** Streams are named `<category>-<id>`. */
  category: string;
  schemaVersion: number;
  machine: TMachine;
  commands: Readonly<Record<string, ZodType>>;
  events: Readonly<Record<string, ZodType>>;
  /** The event each command produces: how allowed actions are listed. */
  commandEvents: Readonly<Record<string, string>>;
  decide(command: { type: string; data: unknown }, snapshot: AnyMachineSnapshot, context: DecideContext): DomainEvent[];
  /**
   * The one context function every transition of the machine runs as its
   * only action, if the workflow is built that way; it returns the whole
   * next context (not a partial one to merge). With it, and a machine whose
   * transitions depend on the status alone, the engine asks XState once per
   * status and event type and then only runs this (see compiled-transition).
   */
  evolve?(context: unknown, event: MachineEvent): unknown;
}
