import { HuiyinError } from '../../../contracts/errors.js';
import type { JsonObject, RecordedEvent } from '../../../contracts/event-store.js';
import type { ServerEvent } from './client.js';
import { toLogPosition } from './positions.js';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * A server event as the port records it. Huiyin writes JSON objects only; an
 * event some other writer stored otherwise is refused loudly rather than
 * handed on disguised. Stream reads carry log positions from EventStoreDB
 * 22.10 on (Huiyin needs 23.10 for subscriptions anyway).
 */
export function toRecorded(event: ServerEvent): RecordedEvent {
  if (!isObject(event.data)) {
    throw new HuiyinError('INTERNAL', `event ${event.id} in ${event.streamName} is not a JSON object`, {
      streamName: event.streamName,
      eventId: event.id,
    });
  }
  if (event.revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new HuiyinError('INTERNAL', `event ${event.id} in ${event.streamName} has no usable revision`);
  }
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: isObject(event.metadata) ? event.metadata : {},
    streamName: event.streamName,
    revision: Number(event.revision),
    position: toLogPosition(event.commit),
    recordedAt: event.created.toISOString(),
  };
}
