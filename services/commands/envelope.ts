import type { Actor } from '../../contracts/actor.js';
import type { Principal } from '../../contracts/identity.js';
import type { CommandEnvelope } from '../../contracts/metadata.js';
import { hash } from 'node:crypto';
import { canonicalJson } from '../../workflows/engine/hash-chain.js';
import { commandIdFor } from './command-ids.js';

/** What a command asks, hashed: the same action on the same target with the same body. */
export const fingerprintOf = (streamId: string, type: string, data: unknown): string =>
  hash('sha256', canonicalJson({ streamId, type, data: data ?? null }), 'hex');

/**
 * What a command carries besides its data, however it arrived: from an HTTP
 * request (see services/http/command-request.ts) or from Huiyin itself (the
 * scheduler, the demo), which gives its own time and idempotency key.
 */
export interface CommandRequest {
  /** When the command arrived: the only clock the domain sees. */
  now: string;
  idempotencyKey?: string;
  /** The revision the caller last saw (If-Match); the command fails if the stream moved on. */
  ifMatch?: number;
  correlationId?: string;
  causationId?: string;
  /**
   * The data was parsed with the command's own schema at the boundary, so
   * the engine need not parse it again.
   */
  parsed?: boolean;
}

/**
 * The actor as the history records them: with the display name they had at
 * that moment, and the rights the directory gave them (stations, area).
 */
export function actorOf(who: Principal, name: string | undefined = who.name): Actor {
  const actor: Actor = { id: who.sub, role: who.role };
  if (name !== undefined) actor.name = name;
  if (who.stations.length > 0) actor.stations = [...who.stations];
  if (who.area !== undefined) actor.area = who.area;
  return actor;
}

/**
 * The one place a command envelope is built: id (derived from the caller
 * and the idempotency key, so a retry carries the same), correlation,
 * actor, time and pinned revision.
 */
export function commandEnvelope(
  actor: Actor,
  streamId: string,
  type: string,
  data: unknown,
  request: CommandRequest,
  commandId: string = commandIdFor(actor.id, request.idempotencyKey),
): CommandEnvelope {
  const envelope: CommandEnvelope = { streamId, type, data, commandId, actor, occurredAt: request.now };
  if (request.idempotencyKey !== undefined) envelope.fingerprint = fingerprintOf(streamId, type, data);
  if (request.correlationId) envelope.correlationId = request.correlationId;
  if (request.causationId) envelope.causationId = request.causationId;
  if (request.ifMatch !== undefined) envelope.expectedRevision = request.ifMatch;
  return envelope;
}
