import type { CaseAction } from '../../../../../../contracts/case/commands';
import type { Principal } from '../../../../../../contracts/identity';
// The permission matrix the server enforces, read as it is rather than retold here.
import { caseRights, mayReceiveAt } from '../../../../../../workflows/case/permissions.js';

/** The roles that act on cases, as the chart names them. */
export const actingRoles = ['staff', 'deputy', 'supervisor', 'admin', 'system', 'citizen'] as const;
export type ActingRole = (typeof actingRoles)[number];

// One imagined case and one person of each role who is "in scope" of it:
// the staff member at its station, the deputy assigned to it, the supervisor of its area.
const scope = { stationId: 'st', areaCode: '520000000000', deputyIds: ['dep'] };
const person = (role: ActingRole): Principal => ({ sub: role === 'deputy' ? 'dep' : role, role, stations: ['st'], area: '52' });

/** Who may take an action on a case within their own remit (their station, their assignment, their area). */
export function whoMay(action: string): ActingRole[] {
  if (action === 'receive') {
    // A citizen opens a case only by leaving a message online; the others at their own station or area.
    return actingRoles.filter((role) => mayReceiveAt(person(role), { id: 'st', areaCode: scope.areaCode }, role === 'citizen' ? 'online-message' : undefined));
  }
  return actingRoles.filter((role) => caseRights(person(role), scope).actions.has(action as CaseAction));
}

/** Roles that may take every one of the actions: the chart says so once rather than on every arrow. */
export function rolesWithAll(actions: readonly string[]): ActingRole[] {
  return actingRoles.filter((role) => actions.every((action) => whoMay(action).includes(role)));
}
