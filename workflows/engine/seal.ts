import type { EventData, JsonObject } from '../../contracts/event-store.js';
import type { CommandEnvelope, EventMetadata } from '../../contracts/metadata.js';
import type { EventContract } from '../../contracts/event-contract.js';
import type { Message } from './definition.js';
import type { FoldedStream } from './fold.js';
import { deriveEventId, hashEventKeepingJson } from './hash-chain.js';

/**
 * Gives each decided event its id (derived from the command id, so a retry
 * proposes the same ids), its metadata, and its link in the stream's chain.
 */
export function sealEvents(stream: FoldedStream, decided: Message[], envelope: CommandEnvelope): EventData[] {
  const { definition } = stream;
  const contracts = definition.events as Readonly<Record<string, EventContract>>;
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
      schemaVersion: contracts[event.type]?.version ?? 1,
      prevHash,
    };
    if (envelope.fingerprint !== undefined) Object.assign(unsealed, { fingerprint: envelope.fingerprint });
    // Decided data is plain JSON by the workflow's contract (its tests parse every event).
    const data = event.data as JsonObject;
    const sealed = hashEventKeepingJson({ streamName: stream.streamName, revision, type: event.type, data, metadata: unsealed });
    prevHash = sealed.hash;
    const metadata: EventMetadata = Object.assign({}, unsealed, { hash: prevHash });
    return {
      id: deriveEventId(stream.streamName, envelope.commandId, index),
      type: event.type,
      data,
      metadata,
      // The hash's canonical metadata, with the hash itself added last.
      json: { data: sealed.data, metadata: `${sealed.metadata.slice(0, -1)},"hash":"${prevHash}"}` },
    };
  });
}
