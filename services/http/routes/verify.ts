import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HuiyinError } from '../../../contracts/errors.js';
import type { Principal } from '../../../contracts/identity.js';
import { caseIdParams } from '../../../contracts/ids.js';
import { verifyChain } from '../../../workflows/engine/hash-chain.js';
import type { CaseService } from '../../cases/case-service.js';
import { requireUser } from '../auth/plugin.js';
import { problemResponses } from '../problem.js';

/** A case's hash chain recomputed from the events as stored. */
export const chainVerdictSchema = z.object({
  ok: z.boolean(),
  /** Events in the stream. */
  events: z.number().int(),
  /** The revision of the first event whose content, order or presence was altered. */
  brokenAt: z.number().int().optional(),
  reason: z.string().optional(),
});

/** Who may have a chain checked: those whose work it is to trust none. */
const AUDITING_ROLES: ReadonlySet<Principal['role']> = new Set(['auditor', 'admin']);

/**
 * The case's stream name, once the caller may see the case (404 if not).
 * Auditors and admins see every case, so when the stream no longer folds —
 * an edit the workflow cannot take — they get the verdict rather than the
 * fold's error: that is the case they most need checked.
 */
async function visibleStream(cases: CaseService, who: Principal, caseId: string): Promise<string> {
  try {
    return (await cases.read(who, caseId)).state.streamName;
  } catch (error) {
    const foldFailed = !(error instanceof HuiyinError) || error.code === 'ENGINE.CORRUPT_STREAM';
    if (foldFailed && AUDITING_ROLES.has(who.role)) return cases.engine.streamNameOf(caseId);
    throw error;
  }
}

/** GET /api/cases/{id}/verify: the stored events re-read and their chain checked, never the engine's cache. */
export const verifyRoutes: FastifyPluginAsync<{ cases: CaseService }> = async (plain, { cases }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/cases/:id/verify',
    { schema: { tags: ['cases'], params: caseIdParams, response: { 200: chainVerdictSchema, ...problemResponses } } },
    async (request) => {
      const who = await requireUser(request);
      const streamName = await visibleStream(cases, who, request.params.id);
      if (!AUDITING_ROLES.has(who.role)) {
        throw new HuiyinError('AUTH.FORBIDDEN', 'only auditors and admins verify a case’s hash chain', { role: who.role });
      }
      const events = await cases.store.readStream(streamName);
      const verdict = verifyChain(events);
      if (verdict.ok) return { ok: true, events: events.length };
      return { ok: false, events: events.length, brokenAt: verdict.brokenAt, reason: verdict.reason };
    },
  );
};
