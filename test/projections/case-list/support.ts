import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Test } from 'tap';
import type { CaseCommandType } from '../../../contracts/case/commands.js';
import type { CaseListFilters } from '../../../contracts/case/list.js';
import type { CaseVisibility } from '../../../contracts/case/visibility.js';
import type { Actor } from '../../../contracts/metadata.js';
import { openReadModelDb } from '../../../projections/db.js';
import { caseListProjection, listCases, type ListOptions } from '../../../projections/case-list/index.js';
import { startProjection } from '../../../projections/runner.js';
import { caseReadingRules } from '../../../services/read-side/projections.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { sampleCommandData } from '../../support/case-fixtures.js';
import { caseEngine } from '../../support/engine-fixtures.js';

export const admin: Actor = { id: 'admin-1', role: 'admin' };
export const projection = caseListProjection(caseReadingRules);

/** A case store, the case engine over it and case-list@1 following it on a read-model database of its own. */
export async function caseListSetup(t: Test, options: { version?: number; batchSize?: number } = {}) {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const db = openReadModelDb(':memory:');
  const runner = startProjection(db, store, projection, { batchSize: options.batchSize });
  t.teardown(async () => {
    await runner.close();
    db.close();
    await store.close();
  });
  const engine = caseEngine(store, { version: options.version ?? 2 });
  /** Runs a case command at `at` (the sample data unless `data` is given). */
  const act = (caseId: string, type: CaseCommandType, at: string, data: object = {}) =>
    engine.execute({
      streamId: caseId,
      type,
      data: { ...(sampleCommandData[type] as object), ...data },
      commandId: randomUUID(),
      actor: admin,
      occurredAt: at,
    });
  const settled = async () => {
    if (!(await runner.waitFor(await store.headPosition(), 2000))) throw new Error('case-list@1 did not catch up');
  };
  return { store, db, runner, engine, act, settled };
}

/** Every row of case-list@1 and every search row, in a fixed order: what two builds must agree on. */
export function dump(db: Database.Database) {
  const cases = db.prepare('SELECT * FROM case_list_v2_cases ORDER BY id').all() as Array<Record<string, unknown> & { seq: number }>;
  const idOf = new Map(cases.map((row) => [row.seq, row.id]));
  // Row keys differ between builds that saw cases in another order; compare by case id.
  const deputies = (db.prepare('SELECT deputy_id, case_seq FROM case_list_v2_deputies').all() as Array<{ deputy_id: string; case_seq: number }>)
    .map((row) => `${row.deputy_id}→${String(idOf.get(row.case_seq))}`)
    .sort();
  const search = (db.prepare('SELECT text, case_seq FROM case_list_v2_search').all() as Array<{ text: string; case_seq: number }>)
    .map((row) => `${String(idOf.get(row.case_seq))}:${row.text}`)
    .sort();
  return { cases: cases.map(({ seq: _seq, ...row }) => row), deputies, search };
}

/** A fresh read-model database built by applying `events` in one go, as a rebuild does. */
export function rebuilt(events: Parameters<typeof projection.evolve>[1][]): Database.Database {
  const db = openReadModelDb(':memory:');
  db.exec(projection.ddl.join(';\n'));
  db.transaction(() => events.forEach((event) => projection.evolve(db, event)))();
  return db;
}

const everyone: CaseVisibility = { kind: 'all' };
/** The ids a list answers, first page only. */
export function idsOf(db: Database.Database, filters: CaseListFilters = {}, options: Partial<ListOptions> & { visibility?: CaseVisibility } = {}) {
  const { visibility = everyone, ...rest } = options;
  return listCases(db, visibility, filters, { sort: 'received', order: 'asc', limit: 200, now: '2026-07-01T00:00:00.000Z', ...rest }).items.map((i) => i.id);
}
