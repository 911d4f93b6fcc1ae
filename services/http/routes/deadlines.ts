import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { calendarYearInput, calendarYearInputFor, effectiveYearSchema, yearParams } from '../../../contracts/calendar.js';
import { deadlinePolicyInput, effectivePolicySchema } from '../../../contracts/deadline-policy.js';
import { areaParams, entryHistory } from '../../../contracts/directory-http.js';
import { CommandInvalidError, HuiyinError } from '../../../contracts/errors.js';
import type { Principal } from '../../../contracts/identity.js';
import { commandHeaders } from '../../../contracts/http-headers.js';
import { fieldIssues } from '../../../workflows/engine/index.js';
import { actorOf } from '../../commands/envelope.js';
import type { Deadlines } from '../../deadlines/index.js';
import { putEntry } from '../../deadlines/writes.js';
import type { Directory } from '../../directory/index.js';
import { requireRole, requireUser } from '../auth/plugin.js';
import { commandRequest } from '../command-request.js';
import { problemResponses } from '../problem.js';

const tags = ['deadlines'];
const historyReaders: Principal['role'][] = ['admin', 'supervisor', 'auditor'];
const signedIn = { preValidation: async (request: Parameters<typeof requireUser>[0]) => void (await requireUser(request)) };
const admin = { preValidation: async (request: Parameters<typeof requireUser>[0]) => void (await requireRole(request, 'admin')) };
const auditors = { preValidation: async (request: Parameters<typeof requireUser>[0]) => void (await requireRole(request, ...historyReaders)) };

/** Sends an entry's revision as its ETag; none for one not set (inherited, shipped): there is no revision to pin. */
function withEtag<T extends { revision: number }>(reply: FastifyReply, effective: T): T {
  if (effective.revision >= 0) reply.header('etag', `"${effective.revision}"`);
  return effective;
}

/**
 * Deadlines as data: each area's policy, inherited by the areas below it
 * until one sets its own, and the working calendar year by year. Anyone
 * signed in reads them (staff plan their week by them); an administrator
 * sets them; the history of every change is there for those who audit.
 */
export const deadlineRoutes: FastifyPluginAsync<{ directory: Directory; deadlines: Deadlines }> = async (plain, { directory, deadlines }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  /** Every change of a policy or a calendar year, for those who audit. */
  const historyRoute = <P extends Record<string, string>>(path: string, params: ZodType<P>, kind: 'deadlinePolicy' | 'calendar', idOf: (params: P) => string) =>
    app.get(path, { ...auditors, schema: { tags, params, response: { 200: entryHistory, ...problemResponses } } }, async (request) => ({
      events: await directory.history(kind, idOf(request.params as P)),
    }));
  const areaMustExist = async (code: string) => {
    if (!(await directory.get('area', code))) throw new HuiyinError('DIRECTORY.NOT_FOUND', `no area ${code}`, { kind: 'area', id: code });
  };

  const escalationTargetsMustExist = async (ids: readonly string[]) => {
    const found = await Promise.all(ids.map((id) => directory.get('account', id)));
    const issues = ids.flatMap((id, i) => (found[i]?.record.active ? [] : [{ path: `data.escalateTo.${i}`, message: `no active account ${id}` }]));
    if (issues.length > 0) throw new CommandInvalidError('deadlinePolicy', issues);
  };

  app.get(
    '/api/areas/:code/deadline-policy',
    { ...signedIn, schema: { tags, params: areaParams, response: { 200: effectivePolicySchema, ...problemResponses } } },
    async (request, reply) => {
      const who = await requireUser(request);
      await areaMustExist(request.params.code);
      const effective = await deadlines.policyFor(request.params.code);
      withEtag(reply, effective);
      if (historyReaders.includes(who.role)) return effective;
      const { escalateTo: _accounts, ...policy } = effective.policy;
      return { ...effective, policy };
    },
  );

  app.put(
    '/api/areas/:code/deadline-policy',
    { ...admin, schema: { tags, headers: commandHeaders, params: areaParams, body: deadlinePolicyInput, response: { 200: effectivePolicySchema, ...problemResponses } } },
    async (request, reply) => {
      const actor = actorOf(await requireRole(request, 'admin'));
      const { code } = request.params;
      await areaMustExist(code);
      await escalationTargetsMustExist(request.body.escalateTo);
      await putEntry(directory, 'deadlinePolicy', code, { areaCode: code, ...request.body }, actor, commandRequest(request));
      return withEtag(reply, await deadlines.policyFor(code));
    },
  );

  historyRoute('/api/areas/:code/deadline-policy/history', areaParams, 'deadlinePolicy', (params) => params.code);

  app.get(
    '/api/calendar/:year',
    { ...signedIn, schema: { tags, params: yearParams, response: { 200: effectiveYearSchema, ...problemResponses } } },
    async (request, reply) => {
      return withEtag(reply, await deadlines.year(Number(request.params.year)));
    },
  );

  app.put(
    '/api/calendar/:year',
    {
      ...admin,
      // The body is checked below against the year in the path, so one
      // answer names every bad date (a date of another year, a weekday made
      // a working day) with the malformed ones.
      attachValidation: true,
      schema: { tags, headers: commandHeaders, params: yearParams, body: calendarYearInput, response: { 200: effectiveYearSchema, ...problemResponses } },
    },
    async (request, reply) => {
      const actor = actorOf(await requireRole(request, 'admin'));
      // Headers and path are refused as on every route; only the body is checked here.
      if (request.validationError && request.validationError.validationContext !== 'body') throw request.validationError;
      const year = Number(request.params.year);
      const body = calendarYearInputFor(year).safeParse(request.body);
      if (!body.success) throw new CommandInvalidError('calendar', fieldIssues(body.error, 'data'));
      await putEntry(directory, 'calendar', String(year), { year, ...body.data }, actor, commandRequest(request));
      return withEtag(reply, await deadlines.year(year));
    },
  );
  historyRoute('/api/calendar/:year/history', yearParams, 'calendar', (params) => params.year);
};
