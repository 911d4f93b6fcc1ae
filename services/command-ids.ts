import { createHash, randomUUID } from 'node:crypto';

/**
 * Ids for a write request, cases and directory alike. With an Idempotency-Key they are derived from the user
 * and the key, so a retried request addresses the same case and carries the
 * same command id; keys are scoped per user so two users cannot collide.
 */
export function commandIdFor(userId: string, idempotencyKey: string | undefined): string {
  return idempotencyKey ? `${userId}:${idempotencyKey}` : randomUUID();
}

export function newCaseIdFor(userId: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return randomUUID();
  const h = createHash('sha256').update(`case id\n${userId}\n${idempotencyKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
