import type { CaseCommandType } from '../../contracts/case/commands.js';
import type { Claims } from '../../contracts/identity.js';

/** What decides who may see and touch a case. */
export interface CaseScope {
  stationId: string;
  areaCode: string;
  deputyIds: readonly string[];
}

const staffActions: ReadonlySet<CaseCommandType> = new Set([
  'receive', 'accept', 'decline', 'give-feedback', 'record-follow-up', 'close', 'add-note',
]);
const deputyActions: ReadonlySet<CaseCommandType> = new Set([
  'receive', 'acknowledge', 'schedule-site-check', 'complete-site-check', 'refer', 'record-agency-reply',
  'note-progress', 'resolve', 'give-feedback', 'add-note',
]);

const inArea = (claims: Claims, areaCode: string) => claims.area !== undefined && areaCode.startsWith(claims.area);
const atStation = (claims: Claims, stationId: string) => claims.stations.includes(stationId);

/**
 * Whether a case exists as far as this user is concerned. A case outside
 * one's scope is answered as not found, so its existence is not revealed.
 */
export function canSeeCase(claims: Claims, scope: CaseScope): boolean {
  switch (claims.role) {
    case 'admin':
    case 'auditor':
      return true;
    case 'supervisor':
      return inArea(claims, scope.areaCode);
    case 'staff':
      return atStation(claims, scope.stationId);
    case 'deputy':
      return atStation(claims, scope.stationId) || scope.deputyIds.includes(claims.sub);
  }
}

/** Whether the user may take this action on a case they can see (or receive one at this station). */
export function mayTakeAction(claims: Claims, action: CaseCommandType, scope: CaseScope): boolean {
  switch (claims.role) {
    case 'admin':
      return true;
    case 'auditor':
      return false;
    case 'supervisor':
      return inArea(claims, scope.areaCode);
    case 'staff':
      return staffActions.has(action) && atStation(claims, scope.stationId);
    case 'deputy':
      if (action === 'receive') return atStation(claims, scope.stationId);
      return deputyActions.has(action) && scope.deputyIds.includes(claims.sub);
  }
}
