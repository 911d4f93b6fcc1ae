/**
 * Which cases a caller sees, as a filter a list can run. The workflow's
 * permission matrix decides it (workflows/case/permissions.ts,
 * `caseVisibility`); read models only apply it.
 */
export type CaseVisibility =
  | { kind: 'all' }
  | { kind: 'area'; areaPrefix: string }
  /** Cases at these stations, and (for a deputy) those assigned to `deputyId` wherever they are. */
  | { kind: 'stations'; stationIds: readonly string[]; deputyId?: string }
  | { kind: 'none' };
