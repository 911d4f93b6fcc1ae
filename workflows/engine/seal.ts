import type { EventData } from '../../contracts/event-store.js';
import type { CommandEnvelope, EventMetadata } from '../../contracts/metadata.js';
import type { DomainEvent, WorkflowDefinition } from './definition.js';
import type { FoldedStream } from './fold.js';
import { deriveEventId, hashEventKeepingJson } from './hash-chain.js';

/**
 * Gives each decided event its id (derived from the command id, so a retry
 * proposes the same ids), its metadata, and its link in the stream's chain.
 */
export function sealEvents(
  definition: WorkflowDefinition,
  stream: FoldedStream,
  decided: DomainEvent[],
  envelope: CommandEnvelope,
): EventData[] {
  let prevHash = stream.lastHash;
  return decided.map((event, index) => {
    const revision = stream.revision + 1 + index;
    const unsealed = {
      commandId: envelope.commandId,
      correlationId: envelope.correlationId ?? envelope.commandId,
      causationId: envelope.causationId ?? envelope.commandId,
      actor: envelope.actor,
      occurredAt: envelope.occurredAt,
      workflow: { name: definition.name, version: definition.version },
      schemaVersion: definition.schemaVersion,
      prevHash,
    };
    const sealed = hashEventKeepingJson({ streamName: stream.streamName, revision, type: event.type, data: event.data, metadata: unsealed });
    prevHash = sealed.hash;
    const metadata: EventMetadata = Object.assign({}, unsealed, { hash: prevHash });
    return {
      id: deriveEventId(stream.streamName, envelope.commandId, index),
      type: event.type,
      data: event.data,
      metadata,
      // The hash's canonical metadata, with the hash itself added last.
      json: { data: sealed.data, metadata: `${sealed.metadata.slice(0, -1)},"hash":"${prevHash}"}` },
    };
  });
}
