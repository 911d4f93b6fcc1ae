import type Database from 'better-sqlite3';
import { BatchRows } from '../batched.js';
import { statementsOf, type CaseRow } from './schema.js';

interface TallyCell {
  grain: string;
  period: string;
  area: string;
  station: string;
  dim: string;
  value: string;
  n: number;
}

interface HistogramCell {
  grain: string;
  period: string;
  area: string;
  station: string;
  dim: string;
  /** bucket → durations added in this batch. */
  added: Map<number, number>;
}

interface NowCell {
  area: string;
  station: string;
  open: number;
  escalated: number;
}

/** A case's place in `overdue` when the batch ends: its row, or null for none. */
type OverdueCell = { dueMs: number; area: string; station: string } | null;

const SEP = '\u0001';

/**
 * What a batch of events does to the dashboard's tables, gathered in memory
 * and written once at its end. A busy station's day and month figures move
 * with nearly every event, and a case has several events in a batch: summed
 * first, each tally, count and case row is one statement per batch instead
 * of one per event. A count that nets to zero over the batch is left as it
 * was, and one that comes to zero is deleted, so the tables hold the same
 * rows however the log was batched.
 */
export class DashboardBatch {
  private readonly s: ReturnType<typeof statementsOf>;
  readonly #cases: BatchRows<CaseRow>;
  private readonly tallies = new Map<string, TallyCell>();
  private readonly histograms = new Map<string, HistogramCell>();
  private readonly counts = new Map<string, NowCell>();
  private readonly overdue = new Map<string, OverdueCell>();

  constructor(readonly db: Database.Database) {
    const s = (this.s = statementsOf(db));
    this.#cases = new BatchRows((caseId) => s.getCase.get(caseId), (row) => s.putCase.run(row));
  }

  /** The case as this batch left it so far; the caller writes any change back with `putCase`. */
  caseOf(caseId: string): CaseRow | undefined {
    return this.#cases.get(caseId);
  }

  putCase(row: CaseRow): void {
    this.#cases.set(row.case_id, row, true);
  }

  tally(grain: string, period: string, area: string, station: string, dim: string, value: string, n: number): void {
    const key = grain + SEP + period + SEP + area + SEP + station + SEP + dim + SEP + value;
    const cell = this.tallies.get(key);
    if (cell) cell.n += n;
    else this.tallies.set(key, { grain, period, area, station, dim, value, n });
  }

  /** One more duration in a bucket of a step's histogram (durations are only ever added). */
  histogram(grain: string, period: string, area: string, station: string, dim: string, bucket: number): void {
    const key = grain + SEP + period + SEP + area + SEP + station + SEP + dim;
    let cell = this.histograms.get(key);
    if (!cell) this.histograms.set(key, (cell = { grain, period, area, station, dim, added: new Map() }));
    cell.added.set(bucket, (cell.added.get(bucket) ?? 0) + 1);
  }

  /** Moves the open and escalated-open counts of a station. */
  now(area: string, station: string, open: number, escalated: number): void {
    const key = area + SEP + station;
    const cell = this.counts.get(key);
    if (cell) {
      cell.open += open;
      cell.escalated += escalated;
    } else this.counts.set(key, { area, station, open, escalated });
  }

  markOverdue(caseId: string, dueMs: number, area: string, station: string): void {
    this.overdue.set(caseId, { dueMs, area, station });
  }

  clearOverdue(caseId: string): void {
    this.overdue.set(caseId, null);
  }

  /** Writes everything gathered; the batch is spent after. */
  flush(): void {
    const s = this.s;
    this.#cases.flush();
    for (const c of this.tallies.values()) {
      // Nothing moved: the row stays as it was, or absent.
      if (c.n === 0) continue;
      s.tally.run(c.grain, c.period, c.area, c.station, c.dim, c.value, c.n);
      // Only a fall can bring a count to zero; its row goes (schema.ts).
      if (c.n < 0) s.dropEmptyTally.run(c.grain, c.period, c.area, c.station, c.dim, c.value);
    }
    for (const c of this.histograms.values()) {
      const stored = s.getHistogram.get(c.grain, c.period, c.area, c.station, c.dim);
      const counts = (stored === undefined ? {} : JSON.parse(stored)) as Record<number, number>;
      for (const [bucket, n] of c.added) counts[bucket] = (counts[bucket] ?? 0) + n;
      // Integer keys serialise in ascending order: the same text however the log was batched.
      s.putHistogram.run(c.grain, c.period, c.area, c.station, c.dim, JSON.stringify(counts));
    }
    for (const c of this.counts.values()) s.now.run(c.area, c.station, c.open, c.escalated);
    for (const [caseId, cell] of this.overdue) {
      if (cell) s.markOverdue.run(caseId, cell.dueMs, cell.area, cell.station);
      else s.clearOverdue.run(caseId);
    }
  }
}
