import type { AppointmentAction } from '../../contracts/appointments.js';
import type { AppointmentVisibility } from '../../contracts/appointments-http.js';
import type { Principal } from '../../contracts/identity.js';

/** What decides who may see and act on an appointment. */
export interface AppointmentScope {
  stationId: string;
  areaCode: string;
  deputyId: string;
}

export interface AppointmentRights {
  /** False: answered as not found, so its existence is not revealed. */
  see: boolean;
  actions: ReadonlySet<AppointmentAction>;
}

const every: ReadonlySet<AppointmentAction> = new Set(['confirm', 'decline', 'reschedule', 'hold', 'no-show', 'cancel']);
const none: ReadonlySet<AppointmentAction> = new Set();
/** The citizen may only call their own booking off (the online station proves it is theirs by the phone's digits). */
const citizenActions: ReadonlySet<AppointmentAction> = new Set(['cancel']);

const inArea = (who: Principal, areaCode: string) => who.area !== undefined && areaCode.startsWith(who.area);

/**
 * The permission matrix. The station's staff, the deputy being met, the
 * area's supervisors and admins run an appointment; auditors read it;
 * Huiyin itself has no part in one (no timer moves an appointment).
 */
export function appointmentRights(who: Principal, scope: AppointmentScope): AppointmentRights {
  switch (who.role) {
    case 'admin':
      return { see: true, actions: every };
    case 'auditor':
      return { see: true, actions: none };
    case 'system':
      return { see: false, actions: none };
    case 'citizen':
      return { see: false, actions: citizenActions };
    case 'supervisor': {
      const mine = inArea(who, scope.areaCode);
      return { see: mine, actions: mine ? every : none };
    }
    case 'staff': {
      const mine = who.stations.includes(scope.stationId);
      return { see: mine, actions: mine ? every : none };
    }
    case 'deputy': {
      const mine = who.sub === scope.deputyId;
      return { see: mine, actions: mine ? every : none };
    }
  }
}

/** Which appointments a list shows the caller: the same rule as `appointmentRights(...).see`, as a filter. */
export function appointmentVisibility(who: Principal): AppointmentVisibility {
  switch (who.role) {
    case 'admin':
    case 'auditor':
      return { kind: 'all' };
    case 'supervisor':
      return who.area === undefined ? { kind: 'none' } : { kind: 'area', areaPrefix: who.area };
    case 'staff':
      return { kind: 'stations', stationIds: who.stations };
    case 'deputy':
      return { kind: 'deputy', deputyId: who.sub };
    case 'system':
    case 'citizen':
      return { kind: 'none' };
  }
}

/** Whether the caller may book a slot of this deputy at this station on a citizen's behalf (the online station always may). */
export function mayRequest(who: Principal, scope: AppointmentScope): boolean {
  return who.role === 'citizen' || (who.role !== 'auditor' && appointmentRights(who, scope).see);
}
