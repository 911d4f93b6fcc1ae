import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deputy, DirectoryLookup } from '../../../contracts/directory.js';
import { diaryPage, diaryQuery, type DiaryLanguage } from '../../../contracts/diary.js';
import { HuiyinError } from '../../../contracts/errors.js';
import type { Principal } from '../../../contracts/identity.js';
import { entryParams } from '../../../contracts/ids.js';
import { diarySentence, readDiary } from '../../../projections/diary/index.js';
import { decodeCursor, encodeCursor } from '../../read-side/cursor.js';
import { requireUser } from '../auth/plugin.js';
import { problemResponses } from '../problem.js';

/**
 * Who may read a deputy's diary: the deputy; staff of one of their
 * stations; a supervisor whose area holds one of their stations; auditors
 * and administrators. The deputy's stations are the directory's now.
 */
export async function mayReadDiary(who: Principal, deputy: Deputy, directory: Pick<DirectoryLookup, 'station'>): Promise<boolean> {
  switch (who.role) {
    case 'admin':
    case 'auditor':
      return true;
    case 'deputy':
      return who.sub === deputy.id;
    case 'staff':
      return deputy.stationIds.some((id) => who.stations.includes(id));
    case 'supervisor': {
      const area = who.area;
      if (area === undefined) return false;
      const stations = await Promise.all(deputy.stationIds.map((id) => directory.station(id)));
      return stations.some((station) => station?.areaCode.startsWith(area));
    }
    case 'system':
    case 'citizen':
      return false;
  }
}

/** English when the caller prefers it to Chinese (Accept-Language with q-values); Chinese otherwise. */
export function diaryLanguageOf(header: string | undefined): DiaryLanguage {
  let best: { language: DiaryLanguage; q: number } = { language: 'zh', q: 0 };
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
    const language = tag === 'en' || tag.startsWith('en-') ? 'en' : tag === 'zh' || tag.startsWith('zh-') ? 'zh' : undefined;
    if (language && q > best.q) best = { language, q };
  }
  return best.language;
}

const badCursor = () =>
  new HuiyinError('HTTP.BAD_REQUEST', 'invalid querystring: cursor', {
    errors: [{ in: 'query', path: 'cursor', message: 'not a cursor this list gave out' }],
  });

/**
 * `GET /api/deputies/{id}/diary` (履职日记): the deputy's entries in time
 * order, as sentences — cases, visits, appointments and activities.
 */
export const diaryRoutes: FastifyPluginAsync = async (plain) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/deputies/:id/diary',
    {
      schema: {
        tags: ['read side'],
        params: entryParams,
        querystring: diaryQuery,
        response: { 200: diaryPage, ...problemResponses },
      },
    },
    async (request, reply) => {
      const who = await requireUser(request);
      const { id } = request.params;
      const deputy = await app.directory.deputy(id);
      // Deputies are public (GET /api/deputies): saying one exists gives nothing away.
      if (!deputy) throw new HuiyinError('DIRECTORY.NOT_FOUND', `no deputy ${id}`, { kind: 'deputy', id });
      if (!(await mayReadDiary(who, deputy, app.directory))) {
        throw new HuiyinError('AUTH.FORBIDDEN', 'only the deputy, their stations and area, auditors and administrators read this diary');
      }
      const { from, to, limit, cursor, minPosition } = request.query;
      const key = cursor === undefined ? undefined : decodeCursor(cursor);
      if (key !== undefined && (key.length !== 2 || typeof key[0] !== 'string' || typeof key[1] !== 'number')) throw badCursor();
      if (cursor !== undefined && key === undefined) throw badCursor();
      const db = await app.readModels.read('diary', minPosition);
      const after = key === undefined ? undefined : ([key[0], key[1]] as [string, number]);
      const rows = readDiary(db, id, { from, to, after, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const language = diaryLanguageOf(request.headers['accept-language']);
      reply.header('content-language', language === 'en' ? 'en' : 'zh-CN');
      reply.header('vary', 'Accept-Language');
      return {
        items: page.map((row) => ({
          at: row.at,
          kind: row.kind,
          refId: row.refId,
          ...(row.kind === 'case' ? { caseId: row.refId, trackingCode: row.trackingCode ?? row.refId } : {}),
          type: row.type,
          role: row.role,
          text: diarySentence(row, language),
        })),
        nextCursor: rows.length > limit && last ? encodeCursor([last.at, last.position]) : null,
      };
    },
  );
};
