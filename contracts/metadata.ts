import { z } from 'zod';

export const roles = ['staff', 'deputy', 'supervisor', 'auditor', 'admin', 'system'] as const;
export type Role = (typeof roles)[number];

export const actorSchema = z.strictObject({ id: z.string().min(1).max(128), role: z.enum(roles) });
export type Actor = z.infer<typeof actorSchema>;

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
  schemaVersion: number;
  /** SHA-256 of the previous event in the stream (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 over this event's canonical content and prevHash. */
  hash: string;
}

/** Everything a caller supplies besides the command itself. */
export const commandEnvelopeSchema = z.strictObject({
  streamId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'letters, digits and _ . : - only, 1–128 characters'),
  type: z.string().min(1).max(64),
  data: z.unknown(),
  commandId: z.string().min(1).max(200),
  actor: actorSchema,
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1).max(200).optional(),
  causationId: z.string().min(1).max(200).optional(),
  /** Pin the revision the caller saw (If-Match); no retry on conflict then. */
  expectedRevision: z.number().int().min(-1).optional(),
});
export type CommandEnvelope = z.infer<typeof commandEnvelopeSchema>;
