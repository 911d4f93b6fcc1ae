import { caseStreams, type CaseReadingRules } from '../case-events.js';
import type { Projection } from '../runner.js';
import { caseListEvolve } from './evolve.js';
import { CASE_LIST_VERSION, ddl, queryIndexes } from './schema.js';

/**
 * case-list@2: one row per case for the case lists and search — where it
 * stands (the workflow's own status tables), where it is, who has it, its
 * reply deadline and whether it was answered in time, how often the citizen
 * pressed it (催办) — plus the case's
 * text segmented for full-text search.
 */
export function caseListProjection(rules: CaseReadingRules): Projection {
  return { name: 'case-list', version: CASE_LIST_VERSION, filter: caseStreams, ddl, queryIndexes, ...caseListEvolve(rules) };
}

export { caseIdByTrackingCode, listCases, listWork, type CasePage, type ListOptions, type WorkScope } from './queries.js';
export { matchExpression, searchableText } from './search-text.js';
export { tables as caseListTables } from './schema.js';
