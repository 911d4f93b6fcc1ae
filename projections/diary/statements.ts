import type Database from 'better-sqlite3';
import { preparedPerDb } from '../prepared.js';
import { diaryTables } from './schema.js';

/** Writing and removing entries, for case events and the rest alike. */
export const statementsFor = preparedPerDb((db: Database.Database) => ({
  putEntry: db.prepare<[string, string, number, string, string, string, string, string | null]>(
    `INSERT OR IGNORE INTO ${diaryTables.entries} (deputy_id, at, position, kind, ref_id, type, role, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  dropEntries: db.prepare<[string, string]>(`DELETE FROM ${diaryTables.entries} WHERE ref_id = ? AND type = ?`),
}));

/** A sentence quotes a summary or a finding, never a whole report: the diary stays small. */
export const QUOTE_CHARS = 60;
export const quote = (text: string) => (text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text);
