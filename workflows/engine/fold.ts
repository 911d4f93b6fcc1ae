import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import type { Actor } from '../../contracts/actor.js';
import { upcastData } from '../../contracts/event-contract.js';
import type { JsonObject, RecordedEvent } from '../../contracts/event-store.js';
import { HuiyinError } from '../../contracts/errors.js';
import { nextSnapshot } from './compiled-transition.js';
import type { MachineEvent, Message, WorkflowDefinition, WorkflowVersions } from './definition.js';
import { versionOf } from './definition.js';
import { GENESIS_HASH } from './hash-chain.js';

/** Where each command landed: enough to answer a retry with its first result. */
export interface CommandLanding {
  revision: number;
  position: number;
  /** What the command asked, hashed, when it came with an idempotency key. */
  fingerprint?: string;
}

/** A stream folded up to `revision` (-1 when the stream does not exist yet). */
export interface FoldedStream<S = unknown, C extends Message = Message, E extends Message = Message> {
  streamName: string;
  /** The rules this stream runs under: the version it was opened with. */
  definition: WorkflowDefinition<S, C, E>;
  /** XState's snapshot: the engine's business only; callers read status and context. */
  snapshot: AnyMachineSnapshot;
  status: string;
  context: S;
  revision: number;
  lastHash: string;
  /**
   * Command ids seen in the stream. Shared between successive states of one
   * stream (it only ever grows with durably written commands), so folding a
   * long case never copies it.
   */
  commands: Map<string, CommandLanding>;
}

const initialSnapshots = new WeakMap<WorkflowDefinition, AnyMachineSnapshot>();

/** The machine's initial snapshot, computed once per workflow and shared. */
export function initialSnapshot(definition: WorkflowDefinition): AnyMachineSnapshot {
  let snapshot = initialSnapshots.get(definition);
  if (!snapshot) {
    snapshot = initialTransition(definition.machine)[0] as AnyMachineSnapshot;
    initialSnapshots.set(definition, snapshot);
  }
  return snapshot;
}

/**
 * A stream state around a snapshot. The one place a snapshot's context is
 * taken as the workflow's state type: the machine was built over `S`.
 */
export function streamState<S, C extends Message, E extends Message>(
  base: Pick<FoldedStream<S, C, E>, 'streamName' | 'definition' | 'revision' | 'lastHash' | 'commands'>,
  snapshot: AnyMachineSnapshot,
): FoldedStream<S, C, E> {
  return {
    streamName: base.streamName,
    definition: base.definition,
    snapshot,
    status: typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value),
    context: snapshot.context as S,
    revision: base.revision,
    lastHash: base.lastHash,
    commands: base.commands,
  };
}

export function emptyStream<S, C extends Message, E extends Message>(
  definition: WorkflowDefinition<S, C, E>,
  streamName: string,
): FoldedStream<S, C, E> {
  const base = { streamName, definition, revision: -1, lastHash: GENESIS_HASH, commands: new Map<string, CommandLanding>() };
  return streamState(base, initialSnapshot(definition));
}

/** A recorded event as the machine takes it: data in its current shape, with when and by whom. */
export function toMachineEvent(definition: WorkflowDefinition, event: RecordedEvent): MachineEvent {
  const { occurredAt: at, actor } = event.metadata as { occurredAt?: string; actor?: Actor };
  // Events written before times were kept in UTC may carry an offset.
  const occurredAt = at === undefined || (at.length === 24 && at.endsWith('Z')) ? at : new Date(at).toISOString();
  const contract = (definition.events as Record<string, WorkflowDefinition['events'][string]>)[event.type];
  return {
    type: event.type,
    data: contract ? upcastData(contract, event.data, event.metadata) : event.data,
    occurredAt: occurredAt ?? event.recordedAt,
    actor: actor ?? { id: 'unknown', role: 'system' },
  };
}

/** The version a stream's first event says it was opened under. */
function openedUnder(event: RecordedEvent): number | undefined {
  const workflow = (event.metadata as JsonObject).workflow as { version?: unknown } | undefined;
  return typeof workflow?.version === 'number' ? workflow.version : undefined;
}

/**
 * Folds recorded events onto a stream state with a pure transition (no
 * actor). The first event picks the workflow version the stream runs under.
 * Event types the workflow does not know are skipped (a newer writer may
 * have added them); a known event the machine cannot take means the stream
 * and the workflow disagree, which must never pass silently.
 */
export function foldEvents<S, C extends Message, E extends Message>(
  workflow: WorkflowVersions<S, C, E>,
  start: FoldedStream<S, C, E>,
  events: RecordedEvent[],
): FoldedStream<S, C, E> {
  let { snapshot, revision, lastHash, definition } = start;
  for (const event of events) {
    if (event.revision === 0) {
      definition = versionOf(workflow, openedUnder(event) ?? 1);
      snapshot = initialSnapshot(definition);
    }
    revision = event.revision;
    const metadata = event.metadata as { commandId?: string; hash?: string; fingerprint?: string };
    if (typeof metadata.hash === 'string') lastHash = metadata.hash;
    if (typeof metadata.commandId === 'string') {
      const landing: CommandLanding = { revision: event.revision, position: event.position };
      if (typeof metadata.fingerprint === 'string') landing.fingerprint = metadata.fingerprint;
      start.commands.set(metadata.commandId, landing);
    }
    if (!Object.hasOwn(definition.events, event.type)) continue;
    const next = nextSnapshot(definition, snapshot, toMachineEvent(definition, event));
    if (!next) {
      throw new HuiyinError(
        'ENGINE.CORRUPT_STREAM',
        `${event.streamName}@${event.revision}: ${event.type} cannot follow status ${String(snapshot.value)}`,
        { streamName: event.streamName, revision: event.revision, type: event.type },
      );
    }
    snapshot = next;
  }
  return streamState({ streamName: start.streamName, definition, revision, lastHash, commands: start.commands }, snapshot);
}

interface Accepted {
  /** Every command the status takes, the workflow's own included. */
  all: ReadonlySet<string>;
  /** Those a person may be offered. */
  listed: readonly string[];
}
const acceptedByStatus = new WeakMap<WorkflowDefinition, Map<string, Accepted>>();

/**
 * The commands the workflow takes in the snapshot's status (rights are the
 * caller's concern). Workflows here carry no guards, so the answer depends
 * on the status alone and is worked out once per status.
 */
function accepted(definition: WorkflowDefinition, snapshot: AnyMachineSnapshot): Accepted {
  let byStatus = acceptedByStatus.get(definition);
  if (!byStatus) acceptedByStatus.set(definition, (byStatus = new Map()));
  const status = `${snapshot.status}:${JSON.stringify(snapshot.value)}`;
  let found = byStatus.get(status);
  if (!found) {
    const probe = { data: {}, occurredAt: '', actor: { id: '', role: 'system' as const } };
    const all = Object.entries(definition.commandEvents as Record<string, string>)
      .filter(([, eventType]) => snapshot.can({ type: eventType, ...probe }))
      .map(([command]) => command);
    const unlisted = new Set<string>(definition.unlisted ?? []);
    found = { all: new Set(all), listed: all.filter((command) => !unlisted.has(command)) };
    byStatus.set(status, found);
  }
  return found;
}

/** The actions a person may be offered now. */
export function allowedCommands(definition: WorkflowDefinition, snapshot: AnyMachineSnapshot): string[] {
  return [...accepted(definition, snapshot).listed];
}

/** Whether the status takes the command at all: asked before deciding, so a status refusal comes first. */
export function takesCommand(definition: WorkflowDefinition, snapshot: AnyMachineSnapshot, commandType: string): boolean {
  return accepted(definition, snapshot).all.has(commandType);
}
