import { caseStreams, type CaseReadingRules } from '../case-events.js';
import type { Projection } from '../runner.js';

/** dashboard@1 — being built. */
export function dashboardProjection(_rules: CaseReadingRules): Projection {
  return { name: 'dashboard', version: 1, filter: caseStreams, ddl: [], evolve: () => undefined };
}
