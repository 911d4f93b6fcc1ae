import type { FastifyBaseLogger, FastifyInstance, FastifyPluginAsync, FastifyRequest, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import {
  areaList,
  areaListQuery,
  areaParams,
  areaWritten,
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
  areaChange,
  areaSchema,
  deputyChange,
  deputySchema,
  stationChange,
  stationSchema,
  type EntryKind,
} from '../../../contracts/directory.js';
import { HuiyinError, WrongExpectedRevisionError } from '../../../contracts/errors.js';
import type { Claims } from '../../../contracts/identity.js';
import type { CommandMeta, Directory } from '../../directory/index.js';
import { requireRole } from '../auth/plugin.js';
import { commandHeaders, ifMatchRevision } from '../../../contracts/http-headers.js';
import { commandIdFor } from '../../command-ids.js';

type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

interface KindRoutes {
  kind: EntryKind;
  path: string;
  /** The path parameter naming one entry: areas go by code, the rest by id. */
  param: 'code' | 'id';
  params: ZodType;
  record: ZodType;
  change: ZodType;
  written: ZodType;
}

const kinds: KindRoutes[] = [
  { kind: 'area', path: '/api/areas', param: 'code', params: areaParams, record: areaSchema, change: areaChange, written: areaWritten },
  { kind: 'station', path: '/api/stations', param: 'id', params: entryParams, record: stationSchema, change: stationChange, written: stationWritten },
  { kind: 'deputy', path: '/api/deputies', param: 'id', params: entryParams, record: deputySchema, change: deputyChange, written: deputyWritten },
];

const tags = ['directory'];
const publicRoute = { tags, security: [] };
const historyReaders: Claims['role'][] = ['admin', 'supervisor', 'auditor'];

/** Taken at the edge: the one place that reads the clock or invents an id for a command. */
function commandMeta(request: FastifyRequest, claims: Claims, honourIfMatch = false): CommandMeta {
  const headers = request.headers as Record<string, string | undefined>;
  const pinned = honourIfMatch ? ifMatchRevision(headers['if-match']) : undefined;
  return {
    actor: { id: claims.sub, role: claims.role },
    occurredAt: new Date().toISOString(),
    commandId: commandIdFor(claims.sub, headers['idempotency-key']),
    ...(pinned !== undefined ? { expectedRevision: pinned } : {}),
  };
}

/** If-Match names a revision the entry has moved past: the client must re-read. */
function preconditionFailed(error: unknown): unknown {
  if (!(error instanceof WrongExpectedRevisionError)) return error;
  return new HuiyinError('HTTP.PRECONDITION_FAILED', `the entry is at revision ${error.actual}, not ${error.expected}`, {
    currentRevision: error.actual,
  });
}

const idOf = (params: unknown, spec: KindRoutes) => (params as Record<string, string>)[spec.param]!;

function entryRoutes(app: App, directory: Directory, spec: KindRoutes): void {
  const one = `${spec.path}/:${spec.param}`;
  // Admin routes check the role before validation: a stranger learns nothing of the schema.
  const adminOnly = async (request: FastifyRequest) => void requireRole(request, 'admin');

  app.get(one, { schema: { ...publicRoute, params: spec.params, response: { 200: spec.record } } }, async (request, reply) => {
    const id = idOf(request.params, spec);
    const entry = await directory.get(spec.kind, id);
    if (!entry) throw new HuiyinError('DIRECTORY.NOT_FOUND', `no ${spec.kind} ${id}`, { kind: spec.kind, id });
    return reply.header('etag', `"${entry.revision}"`).send(entry.record);
  });

  app.post(
    spec.path,
    { preValidation: adminOnly, schema: { tags, headers: commandHeaders, body: spec.record, response: { 201: spec.written } } },
    async (request, reply) => {
      const result = await directory.register(spec.kind, request.body, commandMeta(request, requireRole(request, 'admin')));
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
    { preValidation: adminOnly, schema: { tags, headers: commandHeaders, params: spec.params, body: spec.change, response: { 200: spec.written } } },
    async (request, reply) => {
      const meta = commandMeta(request, requireRole(request, 'admin'), true);
      const result = await directory.update(spec.kind, idOf(request.params, spec), request.body, meta).catch((error: unknown) => {
        throw preconditionFailed(error);
      });
      return reply.header('etag', `"${result.revision}"`).send({ ...result.record, revision: result.revision, position: result.position });
    },
  );

  app.get(
    `${one}/history`,
    {
      preValidation: async (request) => void requireRole(request, ...historyReaders),
      schema: { tags, params: spec.params, response: { 200: entryHistory } },
    },
    async (request) => ({ events: await directory.history(spec.kind, idOf(request.params, spec)) }),
  );
}

/** The directory API: public lists and look-ups, admin writes, history for those who audit. */
export const directoryRoutes: FastifyPluginAsync<{ directory: Directory }> = async (plain, { directory }) => {
  // Set here too, so the plugin validates with zod whichever app registers it.
  plain.setValidatorCompiler(validatorCompiler);
  plain.setSerializerCompiler(serializerCompiler);
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get('/api/areas', { schema: { ...publicRoute, querystring: areaListQuery, response: { 200: areaList } } }, async (request) => ({
    items: await directory.listAreas(request.query),
  }));
  app.get(
    '/api/stations',
    { schema: { ...publicRoute, querystring: stationListQuery, response: { 200: stationList } } },
    async (request) => ({ items: await directory.listStations(request.query) }),
  );
  app.get(
    '/api/deputies',
    { schema: { ...publicRoute, querystring: deputyListQuery, response: { 200: deputyList } } },
    async (request) => ({ items: await directory.listDeputies(request.query) }),
  );
  for (const spec of kinds) entryRoutes(app, directory, spec);
};
