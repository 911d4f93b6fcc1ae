import { caseStreams, type CaseReadingRules } from '../case-events.js';
import type { Projection } from '../runner.js';

/** case-list@1 — being built. */
export function caseListProjection(_rules: CaseReadingRules): Projection {
  return { name: 'case-list', version: 1, filter: caseStreams, ddl: [], evolve: () => undefined };
}
