import { countyOf } from '../../contracts/area.js';
import type { CaseAction } from '../../contracts/case/commands.js';
import type { FieldIssue } from '../../contracts/errors.js';
import type { CaseVisibility } from '../../contracts/case/visibility.js';
import type { Principal } from '../../contracts/identity.js';

/** What decides who may see and touch a case. */
export interface CaseScope {
  stationId: string;
  areaCode: string;
  deputyIds: readonly string[];
}

/**
 * A caller's rights on one case, worked out once per command: the engine
 * authorizes with them and the case view lists what they allow.
 */
export interface CaseRights {
  /** False: the case is answered as not found, so its existence is not revealed. */
  see: boolean;
  actions: ReadonlySet<CaseAction>;
}

const actions = (...list: CaseAction[]): ReadonlySet<CaseAction> => new Set(list);
const none = actions();
const everything = actions(
  'accept', 'assign', 'reassign', 'acknowledge', 'schedule-site-check', 'complete-site-check', 'refer',
  'record-agency-reply', 'note-progress', 'resolve', 'decline', 'give-feedback', 'record-follow-up', 'close',
  'reopen', 'withdraw', 'merge', 'add-note', 'escalate',
);
/** Station staff register, triage and close the loop; they assign their station's deputies. */
const staffActions = actions('accept', 'assign', 'reassign', 'decline', 'give-feedback', 'record-follow-up', 'close', 'add-note');
/** Deputies act on the matters assigned to them. */
const deputyActions = actions(
  'acknowledge', 'schedule-site-check', 'complete-site-check', 'refer', 'record-agency-reply', 'note-progress',
  'resolve', 'give-feedback', 'add-note',
);
/** Huiyin itself (the scheduler): escalates overdue matters and notes why. */
const systemActions = actions('escalate', 'add-note');

const inArea = (who: Principal, areaCode: string) => who.area !== undefined && areaCode.startsWith(who.area);
const atStation = (who: Principal, stationId: string) => who.stations.includes(stationId);

/** The permission matrix: who sees a case and what they may do on it. */
export function caseRights(who: Principal, scope: CaseScope): CaseRights {
  switch (who.role) {
    case 'admin':
      return { see: true, actions: everything };
    case 'auditor':
      return { see: true, actions: none };
    case 'system':
      return { see: true, actions: systemActions };
    case 'citizen':
      // The online station reads a matter by its tracking code and phone digits, never by id.
      return { see: false, actions: none };
    case 'supervisor': {
      const mine = inArea(who, scope.areaCode);
      return { see: mine, actions: mine ? everything : none };
    }
    case 'staff': {
      const mine = atStation(who, scope.stationId);
      return { see: mine, actions: mine ? staffActions : none };
    }
    case 'deputy': {
      const assigned = scope.deputyIds.includes(who.sub);
      return { see: assigned || atStation(who, scope.stationId), actions: assigned ? deputyActions : none };
    }
  }
}

/** Whether the caller may open a case at this station (through this channel, for a citizen). */
export function mayReceiveAt(who: Principal, station: { id: string; areaCode: string }, channel?: string): boolean {
  switch (who.role) {
    case 'admin':
      return true;
    case 'supervisor':
      return inArea(who, station.areaCode);
    case 'staff':
    case 'deputy':
      return atStation(who, station.id);
    case 'auditor':
    case 'system':
      return false;
    case 'citizen':
      // Only by leaving a message online: a citizen records no visit nor any other way in.
      return channel === 'online-message';
  }
}

/** A deputy as an assignment sees them: where they serve. */
export interface DeputyPlaces {
  id: string;
  stationIds: readonly string[];
  /** The areas of those stations. */
  areaCodes: readonly string[];
}

/**
 * Which of the named deputies may not be assigned to the case by this
 * caller. Nobody may assign a deputy who serves neither the case's station
 * nor its district (that deputy would then read the constituent's phone);
 * staff may assign only their own station's deputies.
 */
export function unassignableDeputies(who: Principal, scope: CaseScope, deputies: readonly DeputyPlaces[]): FieldIssue[] {
  const county = countyOf(scope.areaCode);
  return deputies.flatMap((deputy, i): FieldIssue[] => {
    const atCaseStation = deputy.stationIds.includes(scope.stationId);
    if (who.role === 'staff' && !atCaseStation) {
      return [{ path: `data.deputyIds.${i}`, message: `${deputy.id} does not serve at station ${scope.stationId}` }];
    }
    if (!atCaseStation && !deputy.areaCodes.some((area) => countyOf(area) === county)) {
      return [{ path: `data.deputyIds.${i}`, message: `${deputy.id} serves neither this case's station nor its district` }];
    }
    return [];
  });
}

/**
 * Which cases a caller sees, as a filter a list can run: the same rule as
 * `caseRights(...).see`, said once per role so lists, counts and search
 * hits never show a case its page would hide (a test holds the two together).
 */
export function caseVisibility(who: Principal): CaseVisibility {
  switch (who.role) {
    case 'admin':
    case 'auditor':
    case 'system':
      return { kind: 'all' };
    case 'supervisor':
      return who.area === undefined ? { kind: 'none' } : { kind: 'area', areaPrefix: who.area };
    case 'staff':
      return { kind: 'stations', stationIds: who.stations };
    case 'deputy':
      return { kind: 'stations', stationIds: who.stations, deputyId: who.sub };
    case 'citizen':
      return { kind: 'none' };
  }
}
