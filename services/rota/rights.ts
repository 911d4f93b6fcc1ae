import type { Station } from '../../contracts/directory.js';
import type { Principal } from '../../contracts/identity.js';

const inArea = (who: Principal, station: Station) => who.area !== undefined && station.areaCode.startsWith(who.area);

/** Who keeps a station's rota: an administrator, a supervisor of its area, its own staff. */
export function mayKeepRota(who: Principal, station: Station): boolean {
  switch (who.role) {
    case 'admin':
      return true;
    case 'supervisor':
      return inArea(who, station);
    case 'staff':
      return who.stations.includes(station.id);
    default:
      return false;
  }
}

/**
 * Who sees the whole rota, any range and its history: those who keep it
 * and auditors. Everyone else sees what is published.
 */
export const mayReadWholeRota = (who: Principal | undefined, station: Station): boolean =>
  who !== undefined && (who.role === 'auditor' || mayKeepRota(who, station));
