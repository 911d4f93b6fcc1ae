import type { Actor } from '../../contracts/actor.js';

/** Where an activity belongs and who takes part: all its rights depend on. */
export interface ActivityScope {
  areaCode: string;
  stationId?: string;
  deputyIds: readonly string[];
}

/**
 * Who may announce, record, hold or call off an activity: administrators;
 * supervisors of its area (or one above it); staff of its station; and a
 * deputy taking part in it (their own activity). Auditors only read.
 */
export function mayManageActivity(who: Pick<Actor, 'id' | 'role' | 'stations' | 'area'>, scope: ActivityScope): boolean {
  switch (who.role) {
    case 'admin':
      return true;
    case 'supervisor':
      return who.area !== undefined && scope.areaCode.startsWith(who.area);
    case 'staff':
      return scope.stationId !== undefined && (who.stations ?? []).includes(scope.stationId);
    case 'deputy':
      return scope.deputyIds.includes(who.id);
    default:
      return false;
  }
}
