import type { FastifyBaseLogger, FastifyInstance, FastifyPluginAsync, FastifyRequest, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import {
  areaList,
  areaListQuery,
  areaParams,
  areaWritten,
  categoryList,
  categoryListQuery,
  categoryWritten,
  accountWritten,
  deputyList,
  deputyListQuery,
  deputyWritten,
  entryHistory,
  entryParams,
  stationList,
  stationListQuery,
  stationWritten,
} from '../../../contracts/directory-http.js';
import {
  accountChange,
  accountSchema,
  areaChange,
  areaSchema,
  categoryChange,
  categoryInput,
  categorySchema,
  deputyChange,
  deputySchema,
  stationChange,
  stationSchema,
  type EntryKind,
} from '../../../contracts/directory.js';
import { HuiyinError } from '../../../contracts/errors.js';
import type { Principal } from '../../../contracts/identity.js';
import { commandHeaders } from '../../../contracts/http-headers.js';
import { actorOf } from '../../commands/envelope.js';
import type { Directory } from '../../directory/index.js';
import { requireRole } from '../auth/plugin.js';
import { commandRequest } from '../command-request.js';
import { problemResponses } from '../problem.js';

type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

interface KindRoutes {
  kind: EntryKind;
  path: string;
  /** The path parameter naming one entry: areas go by code, the rest by id. */
  param: 'code' | 'id';
  params: ZodType;
  record: ZodType;
  /** What a registration sends (the record, or for categories the record less its derived id). */
  input: ZodType;
  change: ZodType;
  written: ZodType;
  /** Not public: reading needs an administrator. */
  private?: boolean;
}

const kinds: KindRoutes[] = [
  { kind: 'area', path: '/api/areas', param: 'code', params: areaParams, record: areaSchema, input: areaSchema, change: areaChange, written: areaWritten },
  { kind: 'station', path: '/api/stations', param: 'id', params: entryParams, record: stationSchema, input: stationSchema, change: stationChange, written: stationWritten },
  { kind: 'deputy', path: '/api/deputies', param: 'id', params: entryParams, record: deputySchema, input: deputySchema, change: deputyChange, written: deputyWritten },
  { kind: 'category', path: '/api/categories', param: 'id', params: entryParams, record: categorySchema, input: categoryInput, change: categoryChange, written: categoryWritten },
  { kind: 'account', path: '/api/accounts', param: 'id', params: entryParams, record: accountSchema, input: accountSchema, change: accountChange, written: accountWritten, private: true },
];

const tags = ['directory'];
const publicRoute = { tags, security: [] };
const historyReaders: Principal['role'][] = ['admin', 'supervisor', 'auditor'];

const idOf = (params: unknown, spec: KindRoutes) => (params as Record<string, string>)[spec.param]!;

function entryRoutes(app: App, directory: Directory, spec: KindRoutes): void {
  const one = `${spec.path}/:${spec.param}`;
  // Admin routes check the role before validation: a stranger learns nothing of the schema.
  const adminOnly = async (request: FastifyRequest) => void (await requireRole(request, 'admin'));
  // Accounts name people and their rights: only an administrator reads them.
  const readers = spec.private ? { preValidation: adminOnly } : {};

  app.get(
    one,
    { ...readers, schema: { ...(spec.private ? { tags } : publicRoute), params: spec.params, response: { 200: spec.record, ...problemResponses } } },
    async (request, reply) => {
      const id = idOf(request.params, spec);
      const entry = await directory.get(spec.kind, id);
      if (!entry) throw new HuiyinError('DIRECTORY.NOT_FOUND', `no ${spec.kind} ${id}`, { kind: spec.kind, id });
      return reply.header('etag', `"${entry.revision}"`).send(entry.record);
    },
  );

  app.post(
    spec.path,
    { preValidation: adminOnly, schema: { tags, headers: commandHeaders, body: spec.input, response: { 201: spec.written, ...problemResponses } } },
    async (request, reply) => {
      const actor = actorOf(await requireRole(request, 'admin'));
      // Not pinned: a registration's only expectation is that the entry is new.
      const facts = Object.assign(commandRequest(request), { ifMatch: undefined });
      const result = await directory.register(spec.kind, request.body, actor, facts);
      const id = String((result.record as unknown as Record<string, unknown>)[spec.param]);
      return reply
        .code(201)
        .header('location', `${spec.path}/${encodeURIComponent(id)}`)
        .header('etag', `"${result.revision}"`)
        .send({ ...result.record, revision: result.revision, position: result.position });
    },
  );

  app.patch(
    one,
    {
      preValidation: adminOnly,
      schema: { tags, headers: commandHeaders, params: spec.params, body: spec.change, response: { 200: spec.written, ...problemResponses } },
    },
    async (request, reply) => {
      const actor = actorOf(await requireRole(request, 'admin'));
      const result = await directory.update(spec.kind, idOf(request.params, spec), request.body, actor, commandRequest(request));
      return reply.header('etag', `"${result.revision}"`).send({ ...result.record, revision: result.revision, position: result.position });
    },
  );

  app.get(
    `${one}/history`,
    {
      preValidation: async (request) => void (await requireRole(request, ...(spec.private ? ['admin' as const] : historyReaders))),
      schema: { tags, params: spec.params, response: { 200: entryHistory, ...problemResponses } },
    },
    async (request) => ({ events: await directory.history(spec.kind, idOf(request.params, spec)) }),
  );
}

/** The directory API: public lists and look-ups, admin writes, history for those who audit. */
export const directoryRoutes: FastifyPluginAsync<{ directory: Directory }> = async (plain, { directory }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const list = { ...problemResponses };
  app.get('/api/areas', { schema: { ...publicRoute, querystring: areaListQuery, response: { 200: areaList, ...list } } }, async (request) => ({
    items: await directory.listAreas(request.query),
  }));
  app.get(
    '/api/stations',
    { schema: { ...publicRoute, querystring: stationListQuery, response: { 200: stationList, ...list } } },
    async (request) => ({ items: await directory.listStations(request.query) }),
  );
  app.get(
    '/api/deputies',
    { schema: { ...publicRoute, querystring: deputyListQuery, response: { 200: deputyList, ...list } } },
    async (request) => ({ items: await directory.listDeputies(request.query) }),
  );
  app.get(
    '/api/categories',
    { schema: { ...publicRoute, querystring: categoryListQuery, response: { 200: categoryList, ...list } } },
    async (request) => ({ items: await directory.listCategories(request.query) }),
  );
  for (const spec of kinds) entryRoutes(app, directory, spec);

  // Revoking: every token the account holds now stops working; it signs in again for a new one.
  app.post(
    '/api/accounts/:id/revoke-tokens',
    { preValidation: async (request) => void (await requireRole(request, 'admin')), schema: { tags, headers: commandHeaders, params: entryParams, response: { 200: accountWritten, ...problemResponses } } },
    async (request, reply) => {
      const actor = actorOf(await requireRole(request, 'admin'));
      const facts = commandRequest(request);
      const result = await directory.update('account', request.params.id, { tokensNotBefore: facts.now }, actor, facts);
      return reply.header('etag', `"${result.revision}"`).send({ ...result.record, revision: result.revision, position: result.position });
    },
  );
};
