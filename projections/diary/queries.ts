import type Database from 'better-sqlite3';
import type { DiaryKind, DiaryRole } from '../../contracts/diary.js';
import { preparedPerDb } from '../prepared.js';
import { diaryTables as t } from './schema.js';

/** One diary entry as stored; a case entry with its case's tracking code and summary. */
export interface DiaryRow {
  at: string;
  position: number;
  kind: DiaryKind;
  /** The case, visit, appointment or activity the entry is about. */
  refId: string;
  /** Case entries only (null otherwise). */
  trackingCode: string | null;
  summary: string | null;
  type: string;
  role: DiaryRole;
  /** Small JSON with what the sentence quotes, or null. */
  detail: string | null;
}

export interface DiaryRange {
  /** Entries at or after this instant (ISO-8601 UTC). */
  from?: string;
  /** Entries before this instant. */
  to?: string;
  /** The (at, position) of the last entry already seen: the page starts after it. */
  after?: readonly [string, number];
  limit: number;
}

// The range is one stretch of the primary key (deputy, at, position): a
// page costs the same however long the diary grows.
const statementsFor = preparedPerDb((db: Database.Database) => ({
  page: db.prepare<[string, string, string, string, number, number], DiaryRow>(`
    SELECT e.at, e.position, e.kind, e.ref_id AS refId, c.tracking_code AS trackingCode, c.summary, e.type, e.role, e.detail
    FROM ${t.entries} e LEFT JOIN ${t.cases} c ON e.kind = 'case' AND c.case_id = e.ref_id
    WHERE e.deputy_id = ? AND e.at >= ? AND e.at < ? AND (e.at, e.position) > (?, ?)
    ORDER BY e.at, e.position LIMIT ?`),
}));

/** Sorts after every ISO-8601 time. */
const END_OF_TIME = '~';

/** A deputy's entries in time order (the log's order among entries at one instant). */
export function readDiary(db: Database.Database, deputyId: string, range: DiaryRange): DiaryRow[] {
  const [afterAt, afterPosition] = range.after ?? ['', -1];
  const from = range.from ?? '';
  return statementsFor(db).page.all(deputyId, from, range.to ?? END_OF_TIME, afterAt, afterPosition, range.limit);
}
