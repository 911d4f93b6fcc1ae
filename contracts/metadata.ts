import { z } from 'zod';

import { actorSchema, type Actor } from './actor.js';
import { streamIdSchema } from './ids.js';
import { instantInput } from './time.js';

export { actorSchema, roles, type Actor, type Role } from './actor.js';

/** Metadata on every event the workflow engine writes. */
export interface EventMetadata {
  [key: string]: unknown;
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  /** When it happened in the world, as the command said — not when it was stored. */
  occurredAt: string;
  workflow: { name: string; version: number };
  /** The version of this event type's data shape (see event-contract.ts). */
  schemaVersion: number;
  /** The command's fingerprint, when it came with an idempotency key. */
  fingerprint?: string;
  /** SHA-256 of the previous event in the stream (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 over this event's canonical content and prevHash. */
  hash: string;
}

/** Everything a caller supplies besides the command itself. */
export const commandEnvelopeSchema = z.strictObject({
  streamId: streamIdSchema,
  type: z.string().min(1).max(64),
  data: z.unknown(),
  commandId: z.string().min(1).max(200),
  actor: actorSchema,
  /** Kept in UTC, as every stored time is (an offset given here is converted). */
  occurredAt: instantInput,
  correlationId: z.string().min(1).max(200).optional(),
  causationId: z.string().min(1).max(200).optional(),
  /**
   * What the command asked, hashed (action, target, canonical body): kept
   * with the command id so a reused idempotency key with another request
   * is refused rather than answered with the first one's result.
   */
  fingerprint: z.string().min(1).max(128).optional(),
  /** Pin the revision the caller saw (If-Match); no retry on conflict then. */
  expectedRevision: z.number().int().min(-1).optional(),
});
export type CommandEnvelope = z.infer<typeof commandEnvelopeSchema>;
