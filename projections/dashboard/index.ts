import { caseStreams, type CaseReadingRules } from '../case-events.js';
import type { Projection } from '../runner.js';
import { dashboardEvolve } from './evolve.js';
import { dashboardDdl } from './schema.js';

/**
 * dashboard@2: the supervisors' figures, pre-aggregated per station and
 * China-time hour, day, month and year (schema.ts), so a dashboard costs the same
 * at a hundred thousand cases as at a million. Statuses follow the
 * workflow's own tables and a reply is what the workflow says it is (both
 * in `rules`).
 */
export function dashboardProjection(rules: CaseReadingRules): Projection {
  return { name: 'dashboard', version: 2, filter: caseStreams, ddl: dashboardDdl, ...dashboardEvolve(rules) };
}

export { formulas } from './figures.js';
export { TIME_ZONE, dateOf } from './periods.js';
export { readDashboard, readTotals, type DashboardFigures, type DashboardRequest, type TotalsFigures } from './queries.js';
