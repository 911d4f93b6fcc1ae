import type Database from 'better-sqlite3';
import { openReadModelDb } from '../../projections/db.js';
import { caseListQueries, dashboardQueries, searchQueries, type Query } from './query-mix.js';
import type { BenchResult } from './result.js';

/** Timed queries per figure (each mix is run round after round until there are this many). */
const SAMPLES = Number(process.env.BENCH_QUERY_SAMPLES ?? 600);

const round2 = (value: number) => Math.round(value * 100) / 100;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * The latency of `queries` on `db`: one untimed round first (statements
 * prepared, pages cached, as in a service that has been answering), then
 * rounds of every query in turn, each timed on its own, until `SAMPLES`.
 * Reports p95 as the value, with p50, p99, the slowest query's label and
 * how many shapes were mixed.
 */
export function timeQueries(name: string, db: Database.Database, queries: Query[], detail: Record<string, number | string>): BenchResult {
  for (const query of queries) query.run(db);
  const times: number[] = [];
  const slowest = { ms: 0, label: '' };
  while (times.length < SAMPLES) {
    for (const query of queries) {
      const started = performance.now();
      query.run(db);
      const ms = performance.now() - started;
      times.push(ms);
      if (ms > slowest.ms) Object.assign(slowest, { ms, label: query.label });
    }
  }
  times.sort((a, b) => a - b);
  return {
    name,
    value: round2(percentile(times, 0.95)),
    unit: 'ms p95',
    detail: {
      ...detail,
      p50Ms: round2(percentile(times, 0.5)),
      p99Ms: round2(percentile(times, 0.99)),
      maxMs: round2(slowest.ms),
      slowest: slowest.label,
      queries: times.length,
      shapes: queries.length,
    },
  };
}

/**
 * `query.case-list`, `query.search` and `query.dashboard` on a read-model
 * file a rebuild has just made, each emitted when measured. The queries
 * are the projections' own query functions, called on the service's kind
 * of handle (openReadModelDb) with the scope a route derives from its
 * caller: what a route does less HTTP, sign-in and JSON out.
 */
export function benchQueries(readModelsPath: string, detail: Record<string, number | string>, emit: (result: BenchResult) => void): BenchResult[] {
  const db = openReadModelDb(readModelsPath);
  try {
    const mixes: Array<[string, Query[]]> = [
      ['query.case-list', caseListQueries()],
      ['query.search', searchQueries()],
      ['query.dashboard', dashboardQueries()],
    ];
    return mixes.map(([name, queries]) => {
      const result = timeQueries(name, db, queries, detail);
      emit(result);
      return result;
    });
  } finally {
    db.close();
  }
}
