import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { calendarYearInput, calendarYearSchema, effectiveYearSchema, yearParams } from '../../../contracts/calendar.js';
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

/**
 * Deadlines as data: each area's policy, inherited by the areas below it
 * until one sets its own, and the working calendar year by year. Anyone
 * signed in reads them (staff plan their week by them); an administrator
 * sets them; the history of every change is there for those who audit.
 */
export const deadlineRoutes: FastifyPluginAsync<{ directory: Directory; deadlines: Deadlines }> = async (plain, { directory, deadlines }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const areaMustExist = async (code: string) => {
    if (!(await directory.get('area', code))) throw new HuiyinError('DIRECTORY.NOT_FOUND', `no area ${code}`, { kind: 'area', id: code });
  };

  app.get(
    '/api/areas/:code/deadline-policy',
    { ...signedIn, schema: { tags, params: areaParams, response: { 200: effectivePolicySchema, ...problemResponses } } },
    async (request) => {
      await areaMustExist(request.params.code);
      return deadlines.policyFor(request.params.code);
    },
  );

  app.put(
    '/api/areas/:code/deadline-policy',
    { ...admin, schema: { tags, headers: commandHeaders, params: areaParams, body: deadlinePolicyInput, response: { 200: effectivePolicySchema, ...problemResponses } } },
    async (request, reply) => {
      const actor = actorOf(await requireRole(request, 'admin'));
      const { code } = request.params;
      await areaMustExist(code);
      const written = await putEntry(directory, 'deadlinePolicy', code, { areaCode: code, ...request.body }, actor, commandRequest(request));
      const effective = await deadlines.policyFor(code);
      if (written.position !== undefined) reply.header('x-log-position', String(written.position));
      return reply.header('etag', `"${effective.revision}"`).send(effective);
    },
  );

  app.get(
    '/api/areas/:code/deadline-policy/history',
    { ...auditors, schema: { tags, params: areaParams, response: { 200: entryHistory, ...problemResponses } } },
    async (request) => ({ events: await directory.history('deadlinePolicy', request.params.code) }),
  );

  app.get(
    '/api/calendar/:year',
    { ...signedIn, schema: { tags, params: yearParams, response: { 200: effectiveYearSchema, ...problemResponses } } },
    async (request) => deadlines.year(Number(request.params.year)),
  );

  app.put(
    '/api/calendar/:year',
    { ...admin, schema: { tags, headers: commandHeaders, params: yearParams, body: calendarYearInput, response: { 200: effectiveYearSchema, ...problemResponses } } },
    async (request, reply) => {
      const actor = actorOf(await requireRole(request, 'admin'));
      const year = Number(request.params.year);
      // The whole year is checked (its dates in it, no day both off and worked), not only each field.
      const whole = calendarYearSchema.safeParse({ year, ...request.body });
      if (!whole.success) throw new CommandInvalidError('calendar', fieldIssues(whole.error, 'data'));
      await putEntry(directory, 'calendar', String(year), { year, ...request.body }, actor, commandRequest(request));
      const effective = await deadlines.year(year);
      return reply.header('etag', `"${effective.revision}"`).send(effective);
    },
  );

  app.get(
    '/api/calendar/:year/history',
    { ...auditors, schema: { tags, params: yearParams, response: { 200: entryHistory, ...problemResponses } } },
    async (request) => ({ events: await directory.history('calendar', request.params.year) }),
  );
};
