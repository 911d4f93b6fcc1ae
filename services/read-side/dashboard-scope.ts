import type { DashboardScope } from '../../contracts/dashboard.js';
import { HuiyinError } from '../../contracts/errors.js';
import type { Principal } from '../../contracts/identity.js';
import { caseVisibility } from '../../workflows/case/index.js';

export interface ResolvedScope {
  scope: DashboardScope;
  /** As the answer states it. */
  echo: { area: string | null; stationIds: string[] | null };
}

/**
 * What a caller's dashboard and totals count, from the one visibility rule
 * every list uses, narrowed by the `area` they ask for. A supervisor asks
 * for their area or one inside it (403 otherwise); auditors and
 * administrators for any. Station staff and deputies get the figures of
 * their stations: figures are summed per station, and a deputy's own
 * cases at other stations are their work list (/api/me/cases), not a
 * station's performance, so they are left out rather than mixed in.
 */
export function dashboardScopeFor(who: Principal, area: string | undefined): ResolvedScope {
  const visibility = caseVisibility(who);
  switch (visibility.kind) {
    case 'all':
      return { scope: area === undefined ? {} : { areaPrefix: area }, echo: { area: area ?? null, stationIds: null } };
    case 'area': {
      if (area !== undefined && !area.startsWith(visibility.areaPrefix)) {
        throw new HuiyinError('AUTH.FORBIDDEN', `your figures are those of area ${visibility.areaPrefix} and the areas within it`, {
          errors: [{ in: 'querystring', path: 'area', message: `must be ${visibility.areaPrefix} or an area within it` }],
        });
      }
      const prefix = area ?? visibility.areaPrefix;
      return { scope: { areaPrefix: prefix }, echo: { area: prefix, stationIds: null } };
    }
    case 'stations': {
      const stationIds = [...visibility.stationIds];
      return {
        scope: { stationIds, ...(area === undefined ? {} : { areaPrefix: area }) },
        echo: { area: area ?? null, stationIds },
      };
    }
    case 'none':
      throw new HuiyinError('AUTH.FORBIDDEN', 'you may see no case figures', { role: who.role });
  }
}
