import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { caseListPage, caseListQuery, myCasesQuery, type CaseListQuery } from '../../../contracts/case/list.js';
import type { Principal } from '../../../contracts/identity.js';
import { listCases, listWork, type CasePage, type WorkScope } from '../../../projections/case-list/index.js';
import { caseVisibility } from '../../../workflows/case/index.js';
import { cursorKey, encodeCursor } from '../../read-side/cursor.js';
import { requireUser } from '../auth/plugin.js';
import { problemResponses } from '../problem.js';

const tags = ['cases'];
const MODEL = 'case-list';

const pageOut = (page: CasePage) => ({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null });

/**
 * A caller's own open work: a deputy's, the cases assigned to them; staff,
 * their stations' cases; a supervisor (or an administrator), the cases in
 * their scope that need them — overdue or escalated (督办 is their part).
 * An auditor works no cases.
 */
function workScope(who: Principal): WorkScope | undefined {
  switch (who.role) {
    case 'deputy':
      return { kind: 'assigned', deputyId: who.sub };
    case 'staff':
      return { kind: 'visible', visibility: caseVisibility(who) };
    case 'supervisor':
    case 'admin':
      return { kind: 'needing-attention', visibility: caseVisibility(who) };
    case 'auditor':
    case 'system':
    case 'citizen':
      return undefined;
  }
}

/** The case lists, read from case-list@1 within the caller's visibility. */
export const caseListRoutes: FastifyPluginAsync = async (plain) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/cases',
    { schema: { tags, querystring: caseListQuery, response: { 200: caseListPage, ...problemResponses } } },
    async (request) => {
      const who = await requireUser(request);
      const { limit, cursor, minPosition, sort, order, ...filters } = request.query as CaseListQuery;
      const after = cursorKey(cursor, ['s', 's']);
      const db = await app.readModels.read(MODEL, minPosition);
      const now = new Date().toISOString();
      return pageOut(listCases(db, caseVisibility(who), filters, { sort, order, limit, after, now }));
    },
  );

  app.get(
    '/api/me/cases',
    { schema: { tags, querystring: myCasesQuery, response: { 200: caseListPage, ...problemResponses } } },
    async (request) => {
      const who = await requireUser(request);
      const { limit, cursor, minPosition } = request.query;
      const after = cursorKey(cursor, ['n', 's', 's']);
      const db = await app.readModels.read(MODEL, minPosition);
      const scope = workScope(who);
      if (!scope) return { items: [], nextCursor: null };
      return pageOut(listWork(db, scope, { limit, after, now: new Date().toISOString() }));
    },
  );
};
