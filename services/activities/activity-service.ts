import { hash } from 'node:crypto';
import {
  activityActions, activityCommandData, type ActivityAction, type ActivityCommand, type ActivityEvent, type ActivityView, type NewActivityBody,
} from '../../contracts/activities.js';
import { CommandInvalidError, HuiyinError, type FieldIssue } from '../../contracts/errors.js';
import type { EventStore } from '../../contracts/event-store.js';
import type { Principal } from '../../contracts/identity.js';
import { activityWorkflow, mayManageActivity, type ActivityContext, type ActivityScope } from '../../workflows/activity/index.js';
import { WorkflowEngine, type CommandResult } from '../../workflows/engine/engine.js';
import type { FoldedStream } from '../../workflows/engine/fold.js';
import { timeOrderedUuid } from '../commands/command-ids.js';
import { actorOf, commandEnvelope, type CommandRequest } from '../commands/envelope.js';
import type { Directory } from '../directory/index.js';

type ActivityStream = FoldedStream<ActivityContext, ActivityCommand, ActivityEvent>;
export interface ActivityOutcome {
  view: ActivityView;
  replayed: boolean;
}

/** With an idempotency key a retry must reach the same activity, so its id is derived, not drawn. */
function newActivityIdFor(userId: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return timeOrderedUuid();
  return `a-${hash('sha256', JSON.stringify(['activity id', userId, idempotencyKey]), 'hex').slice(0, 32)}`;
}

const notFound = (id: string) => new HuiyinError('HTTP.NOT_FOUND', `no activity ${id}`);
const forbidden = () =>
  new HuiyinError('AUTH.FORBIDDEN', 'only staff of its station, supervisors of its area, administrators and its own deputies manage an activity');

const scopeOf = (stream: ActivityStream): ActivityScope | undefined => {
  const record = stream.context.record;
  return record ? { areaCode: record.areaCode, stationId: record.stationId, deputyIds: record.deputyIds } : undefined;
};

/**
 * Activities through their workflow: what the directory must confirm (the
 * station, its area, the deputies) is looked up here, who may act is asked
 * of the workflow's rights, and the engine does the rest.
 */
export class ActivityService {
  readonly engine: WorkflowEngine<ActivityContext, ActivityCommand, ActivityEvent>;

  constructor(
    store: EventStore,
    private readonly directory: Pick<Directory, 'station' | 'deputy' | 'area'>,
  ) {
    this.engine = new WorkflowEngine(store, activityWorkflow);
  }

  /** Announces an activity, or records one already held. */
  async create(who: Principal, body: NewActivityBody, request: CommandRequest): Promise<ActivityOutcome> {
    const { status, ...rest } = body;
    const command = status === 'announced' ? 'announce' : 'record';
    const data = { ...rest, areaCode: await this.#areaOf(command, body) };
    const actor = actorOf(who);
    // Who may, before what they named: a refusal says nothing of the directory.
    if (!mayManageActivity(actor, data)) throw forbidden();
    await this.#checkDeputies(command, body.deputyIds, who, data.stationId);
    const id = newActivityIdFor(who.sub, request.idempotencyKey);
    // The data was parsed with the body's schema; the command's own is the same fields with the area settled.
    const parsed = activityCommandData[command].parse(data);
    const result = await this.engine.execute(commandEnvelope(actor, id, command, parsed, request), {
      validated: true,
      newStream: !request.idempotencyKey,
    });
    return this.#outcome(who, id, result);
  }

  /** Holds or calls off an announced activity. */
  async act(who: Principal, id: string, action: ActivityAction, body: unknown, request: CommandRequest): Promise<ActivityOutcome> {
    const existing = await this.engine.load(this.engine.streamNameOf(id));
    if (existing.revision < 0) throw notFound(id);
    const actor = actorOf(who);
    const data = activityCommandData[action].parse(body);
    if (action === 'hold' && 'deputyIds' in data && data.deputyIds) await this.#checkDeputies('hold', data.deputyIds, who, scopeOf(existing)?.stationId);
    const result = await this.engine.execute(commandEnvelope(actor, id, action, data, request), {
      validated: true,
      authorize: (stream) => {
        const scope = scopeOf(stream);
        if (!scope || !mayManageActivity(actor, scope)) throw forbidden();
      },
    });
    return this.#outcome(who, id, result);
  }

  /** The activity as it stands, for anyone signed in (activities are public work). */
  async read(who: Principal, id: string): Promise<ActivityOutcome> {
    const stream = await this.engine.load(this.engine.streamNameOf(id));
    if (stream.revision < 0) throw notFound(id);
    return { view: this.view(who, id, stream), replayed: false };
  }

  view(who: Principal, id: string, stream: ActivityStream): ActivityView {
    const { record, held, cancelReason } = stream.context;
    if (!record) throw notFound(id);
    const scope = scopeOf(stream)!;
    const actions = mayManageActivity(actorOf(who), scope) ? this.engine.allowedActions(stream) : [];
    return {
      id,
      revision: stream.revision,
      status: stream.status as ActivityView['status'],
      kind: record.kind,
      title: record.title,
      place: record.place,
      areaCode: record.areaCode,
      stationId: record.stationId ?? null,
      startsAt: record.startsAt ?? null,
      endsAt: record.endsAt ?? null,
      heldAt: held?.heldAt ?? null,
      deputyIds: held?.deputyIds ?? record.deputyIds,
      attendance: held?.attendance ?? null,
      summary: held?.summary ?? record.summary ?? null,
      cancelReason,
      allowedActions: activityActions.filter((action) => actions.includes(action)),
    };
  }

  #outcome(who: Principal, id: string, result: CommandResult<ActivityContext, ActivityCommand, ActivityEvent>): ActivityOutcome {
    const view = this.view(who, id, result.state);
    if (result.position >= 0) view.position = result.position;
    return { view, replayed: result.replayed };
  }

  /** A station's activity belongs to the station's area; one without a station names its area. */
  async #areaOf(command: string, body: { areaCode?: string; stationId?: string }): Promise<string> {
    if (body.stationId !== undefined) {
      const station = await this.directory.station(body.stationId);
      if (!station) throw new CommandInvalidError(command, [{ path: 'data.stationId', message: 'no such station' }]);
      if (body.areaCode !== undefined && body.areaCode !== station.areaCode) {
        throw new CommandInvalidError(command, [{ path: 'data.areaCode', message: `must be the station's area ${station.areaCode}, or left out` }]);
      }
      return station.areaCode;
    }
    if (body.areaCode === undefined) throw new CommandInvalidError(command, [{ path: 'data.areaCode', message: 'give an area or a station' }]);
    if (!(await this.directory.area(body.areaCode))) throw new CommandInvalidError(command, [{ path: 'data.areaCode', message: 'no such area' }]);
    return body.areaCode;
  }

  /**
   * Every deputy named exists, and the caller may say they took part: an
   * activity counts towards each one's 三个一, so a deputy names only
   * themself and staff only their station's deputies (a supervisor or an
   * administrator anyone).
   */
  async #checkDeputies(command: string, deputyIds: readonly string[], who: Principal, stationId: string | undefined): Promise<void> {
    const issues: FieldIssue[] = [];
    for (const [i, id] of deputyIds.entries()) {
      const deputy = await this.directory.deputy(id);
      const path = `data.deputyIds.${i}`;
      if (!deputy) issues.push({ path, message: 'no such deputy' });
      else if (who.role === 'deputy' && id !== who.sub) issues.push({ path, message: 'a deputy records only their own part; the station records the others' });
      else if (who.role === 'staff' && (stationId === undefined || !deputy.stationIds.includes(stationId))) {
        issues.push({ path, message: `${id} does not serve at this activity's station` });
      }
    }
    if (issues.length > 0) throw new CommandInvalidError(command, issues);
  }
}
