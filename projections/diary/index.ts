import { caseStreams, type CaseReadingRules } from '../case-events.js';
import type { Projection } from '../runner.js';

/** diary@1 — being built. */
export function diaryProjection(_rules: CaseReadingRules): Projection {
  return { name: 'diary', version: 1, filter: caseStreams, ddl: [], evolve: () => undefined };
}
