import type { ReceiveBody } from '../../contracts/case/commands.js';
import type { DirectoryLookup } from '../../contracts/directory.js';
import { CommandInvalidError, HuiyinError, type FieldIssue } from '../../contracts/errors.js';
import type { Principal } from '../../contracts/identity.js';
import { mayReceiveAt, unassignableDeputies, type CaseScope, type DeputyPlaces } from '../../workflows/case/permissions.js';

/**
 * What the case service looks up in the directory before a command: the
 * things a workflow cannot know (which station, category and deputies
 * exist, and where deputies serve), as of the command.
 */
export class CaseChecks {
  constructor(readonly directory: DirectoryLookup) {}


  /** The receive command's data: the form, with the station's area and the category as the directory has it. */
  async receiveData(who: Principal, body: ReceiveBody) {
    const station = await this.directory.station(body.stationId);
    if (!station) throw new CommandInvalidError('receive', [{ path: 'data.stationId', message: 'no such station' }]);
    if (!mayReceiveAt(who, station, body.channel)) throw new HuiyinError('AUTH.FORBIDDEN', `you cannot receive cases at station ${station.id}`);
    const issues: FieldIssue[] = [];
    const category = await this.directory.categoryFor(station.areaCode, body.category);
    if (!category) {
      issues.push({
        path: 'data.category',
        message: `no category ${body.category} for this station's area; see GET /api/categories?area=${station.areaCode}`,
      });
    }
    for (const [i, id] of (body.receptionDeputyIds ?? []).entries()) {
      if (!(await this.directory.deputy(id))) issues.push({ path: `data.receptionDeputyIds.${i}`, message: 'no such deputy' });
    }
    if (!category || issues.length > 0) throw new CommandInvalidError('receive', issues);
    return Object.assign({}, body, {
      areaCode: station.areaCode,
      categoryName: category.nameZh,
      urgency: body.urgency ?? category.defaultUrgency,
    });
  }

  /** Every deputy named exists and may be assigned to this case by this caller. */
  async checkAssignment(who: Principal, scope: CaseScope, action: string, deputyIds: readonly string[]): Promise<void> {
    const missing: FieldIssue[] = [];
    const places: DeputyPlaces[] = [];
    for (const [i, id] of deputyIds.entries()) {
      const deputy = await this.directory.deputy(id);
      if (!deputy) {
        missing.push({ path: `data.deputyIds.${i}`, message: 'no such deputy' });
        continue;
      }
      const stations = await Promise.all(deputy.stationIds.map((stationId) => this.directory.station(stationId)));
      places.push({ id, stationIds: deputy.stationIds, areaCodes: stations.flatMap((s) => (s ? [s.areaCode] : [])) });
    }
    if (missing.length > 0) throw new CommandInvalidError(action, missing);
    const refused = unassignableDeputies(who, scope, places);
    if (refused.length > 0) throw new CommandInvalidError(action, refused);
  }
}
