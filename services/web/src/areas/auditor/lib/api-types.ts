/** GET /api/cases/{id}/verify: the server's own recomputation of the chain (services/http/routes/verify.ts). */
export interface ServerVerdict {
  ok: boolean;
  events: number;
  brokenAt?: number;
  reason?: string;
}
