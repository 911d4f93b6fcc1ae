import type { AnyStateMachine } from 'xstate';
import type { ZodType } from 'zod';
import type { Actor } from '../../contracts/actor.js';
import type { EventContract } from '../../contracts/event-contract.js';

/** A command or an event: a type and its data. */
export interface Message {
  type: string;
  data: object;
}

/** An event as decided, before the engine gives it an id and metadata. */
export type DomainEvent = Message;

/**
 * What the machine and `evolve` see: the domain event (its data read into
 * the current shape) plus when and by whom, so the context can record
 * times without any clock inside the workflow.
 */
export type Stamped<E extends Message> = E & { occurredAt: string; actor: Actor };
export type MachineEvent = Stamped<Message>;

/** Where a stream stands: its status (the machine's state) and what it has gathered. */
export interface WorkflowState<S> {
  status: string;
  context: S;
}

export interface DecideContext {
  streamId: string;
  commandId: string;
  /** The server's clock when the command arrived: the only "now" a decider sees. */
  occurredAt: string;
  actor: Actor;
  /**
   * What the service looked up for this command (a case's deadline policy
   * and calendar): the decider stays a function of what it is handed.
   */
  facts?: unknown;
}

/**
 * One version of a workflow, in the spirit of a decider: typed state `S`,
 * commands `C` and events `E`. The XState machine says which event may
 * follow which status; `decide` maps a valid command to events (pure; the
 * engine checks each against the machine); `evolve` is the one function
 * every transition runs as its action.
 */
export interface WorkflowDefinition<S = unknown, C extends Message = Message, E extends Message = Message> {
  name: string;
  version: number;
  /** Streams are named `<category>-<id>`. */
  category: string;
  machine: AnyStateMachine;
  commands: Readonly<Record<C['type'], ZodType>>;
  events: Readonly<Record<E['type'], EventContract>>;
  /**
   * The event each command produces: how the status check before deciding
   * and the list of allowed actions are worked out.
   */
  commandEvents: Readonly<Record<C['type'], E['type']>>;
  /** Commands the workflow's own services issue, never offered to a person as an action. */
  unlisted?: readonly C['type'][];
  decide(command: C, state: WorkflowState<S>, context: DecideContext): E[];
  /**
   * The whole next context after one event (not a partial one to merge).
   * With a machine whose transitions depend on the status alone and all run
   * this as their one action, the engine asks XState once per status and
   * event type and then only runs this (see compiled-transition).
   */
  evolve?(context: S, event: Stamped<E>): S;
}

/**
 * Every version of one workflow. A stream keeps the version it was opened
 * with (it is in every event's metadata), so cases opened under old rules
 * finish under them; new streams take `latest` unless told otherwise.
 */
export interface WorkflowVersions<S = unknown, C extends Message = Message, E extends Message = Message> {
  name: string;
  category: string;
  latest: number;
  versions: ReadonlyMap<number, WorkflowDefinition<S, C, E>>;
}

export function workflowVersions<S, C extends Message, E extends Message>(
  ...definitions: WorkflowDefinition<S, C, E>[]
): WorkflowVersions<S, C, E> {
  const [first] = definitions;
  if (!first) throw new Error('a workflow needs at least one version');
  return {
    name: first.name,
    category: first.category,
    latest: Math.max(...definitions.map((d) => d.version)),
    versions: new Map(definitions.map((d) => [d.version, d])),
  };
}

/** The definition of one version, or an error naming the versions there are. */
export function versionOf<S, C extends Message, E extends Message>(
  workflow: WorkflowVersions<S, C, E>,
  version: number,
): WorkflowDefinition<S, C, E> {
  const definition = workflow.versions.get(version);
  if (!definition) throw new Error(`${workflow.name} workflow has no version ${version} (has ${[...workflow.versions.keys()].join(', ')})`);
  return definition;
}
