import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import { nextSnapshot } from './compiled-transition.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { HuiyinError } from '../../contracts/errors.js';
import type { Actor } from '../../contracts/metadata.js';
import type { MachineEvent, WorkflowDefinition } from './definition.js';
import { GENESIS_HASH } from './hash-chain.js';

/** Where each command landed: enough to answer a retry with its first result. */
export interface CommandLanding {
  revision: number;
  position: number;
}

/** A stream folded up to `revision` (-1 when the stream does not exist yet). */
export interface FoldedStream {
  streamName: string;
  snapshot: AnyMachineSnapshot;
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

export function emptyStream(definition: WorkflowDefinition, streamName: string): FoldedStream {
  return { streamName, snapshot: initialSnapshot(definition), revision: -1, lastHash: GENESIS_HASH, commands: new Map() };
}

export function toMachineEvent(event: RecordedEvent): MachineEvent {
  const { occurredAt, actor } = event.metadata as { occurredAt?: string; actor?: Actor };
  return {
    type: event.type,
    data: event.data,
    occurredAt: occurredAt ?? event.recordedAt,
    actor: actor ?? { id: 'unknown', role: 'system' },
  };
}

/**
 * Folds recorded events onto a stream state with a pure transition (no actor).
 * Event types the workflow does not know are skipped (a newer writer may
 * have added them); a known event the machine cannot take means the stream
 * and the workflow disagree, which must never pass silently.
 */
export function foldEvents(definition: WorkflowDefinition, start: FoldedStream, events: RecordedEvent[]): FoldedStream {
  let { snapshot, revision, lastHash } = start;
  for (const event of events) {
    revision = event.revision;
    const metadata = event.metadata as { commandId?: string; hash?: string };
    if (typeof metadata.hash === 'string') lastHash = metadata.hash;
    if (typeof metadata.commandId === 'string') {
      start.commands.set(metadata.commandId, { revision: event.revision, position: event.position });
    }
    if (!(event.type in definition.events)) continue;
    const next = nextSnapshot(definition, snapshot, toMachineEvent(event));
    if (!next) {
      throw new HuiyinError(
        'ENGINE.CORRUPT_STREAM',
        `${event.streamName}@${event.revision}: ${event.type} cannot follow status ${String(snapshot.value)}`,
        { streamName: event.streamName, revision: event.revision, type: event.type },
      );
    }
    snapshot = next;
  }
  return { streamName: start.streamName, snapshot, revision, lastHash, commands: start.commands };
}

const allowedByStatus = new WeakMap<WorkflowDefinition, Map<string, string[]>>();

/**
 * The commands the workflow would accept now (permissions are the caller's
 * concern). Workflows here carry no guards, so the answer depends on the
 * status alone and is worked out once per status.
 */
export function allowedCommands(definition: WorkflowDefinition, snapshot: AnyMachineSnapshot): string[] {
  let byStatus = allowedByStatus.get(definition);
  if (!byStatus) allowedByStatus.set(definition, (byStatus = new Map()));
  const status = `${snapshot.status}:${JSON.stringify(snapshot.value)}`;
  let allowed = byStatus.get(status);
  if (!allowed) {
    const probe = { data: {}, occurredAt: '', actor: { id: '', role: 'system' as const } };
    allowed = Object.entries(definition.commandEvents)
      .filter(([, eventType]) => snapshot.can({ type: eventType, ...probe }))
      .map(([command]) => command);
    byStatus.set(status, allowed);
  }
  return [...allowed];
}
