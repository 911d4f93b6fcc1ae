import type { DashboardScope } from '../../contracts/dashboard.js';
import { readTotals, type TotalsFigures } from '../../projections/dashboard/index.js';
import { visitTotals } from '../../projections/visits/index.js';
import type { ReadModels } from '../../projections/read-models.js';

/**
 * A city's running totals: the dashboard's counts of cases, with the
 * registration form's visits. A visit is one voter reception however many
 * matters it raised, so the cases a visit opened are taken out of the
 * receptions counted per case and the visit counted once instead; matters
 * answered on the spot are opinions collected too, and never cases.
 */
export async function totalsOf(readModels: ReadModels, scope: DashboardScope, since: string | undefined, nowMs: number, minPosition?: number): Promise<TotalsFigures & { answeredOnSpot: number }> {
  const cases = readTotals(await readModels.read('dashboard', minPosition), scope, since, nowMs);
  const visits = visitTotals(await readModels.read('visits', minPosition), scope, since);
  const { online, offline } = cases.opinionsCollected;
  return {
    ...cases,
    voterReceptions: cases.voterReceptions - visits.casesOpened + visits.visits,
    opinionsCollected: { online, offline: offline + visits.answeredOnSpot, total: online + offline + visits.answeredOnSpot },
    answeredOnSpot: visits.answeredOnSpot,
  };
}
