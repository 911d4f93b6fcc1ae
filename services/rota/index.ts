import type { Station, DirectoryLookup } from '../../contracts/directory.js';
import { CommandInvalidError, HuiyinError, StreamNotFoundError, type FieldIssue } from '../../contracts/errors.js';
import type { EventStore } from '../../contracts/event-store.js';
import type { HistoryEvent } from '../../contracts/history.js';
import type { Principal } from '../../contracts/identity.js';
import type { Reception, ReceptionCalendar } from '../../contracts/receptions.js';
import { DEFAULT_PUBLISH_DAYS_AHEAD, type ReceptionDateCommand, type ReceptionScheduleBody } from '../../contracts/rota.js';
import { WorkflowEngine, type FoldedStream } from '../../workflows/engine/index.js';
import {
  chinaDateOfInstant,
  publishDaysAheadOf,
  receptionsBetween,
  rotaWorkflow,
  type RotaCommand,
  type RotaContext,
} from '../../workflows/rota/index.js';
import { actorOf, commandEnvelope, type CommandRequest } from '../commands/envelope.js';
import { mayKeepRota } from './rights.js';
import { rotaView, type RotaView } from './view.js';

type RotaStream = FoldedStream<RotaContext, RotaCommand>;
const DAY_MS = 86_400_000;
/** Reads may show another instance's rota change up to this late; this instance's own at once. */
const READ_MAX_AGE_MS = 2_000;

export interface RotaWrite extends RotaView {
  position: number;
}

export interface RotaServiceOptions {
  store: EventStore;
  directory: DirectoryLookup;
  /** Told of every write, so reads of the read models wait for it. */
  noteWrite?: (position: number) => void;
}

const iso = (time: string | number) => new Date(time).toISOString();

/**
 * Reception days: the rota's commands and the calendar other capabilities
 * ask. A rota is folded on demand from its stream, not projected: a station
 * writes a few events a month, the engine keeps folded streams in memory,
 * and expanding a pattern into dates is cheap — a projection would only
 * copy the expansion into SQL and add a lag to every "when is the next
 * reception", while the fold sees this instance's writes at once.
 */
export class RotaService implements ReceptionCalendar {
  readonly engine: WorkflowEngine<RotaContext, RotaCommand>;

  constructor(readonly options: RotaServiceOptions) {
    this.engine = new WorkflowEngine(options.store, rotaWorkflow);
  }

  /** The station, or 404. */
  async station(stationId: string): Promise<Station> {
    const station = await this.options.directory.station(stationId);
    if (!station) throw new HuiyinError('DIRECTORY.NOT_FOUND', `no station ${stationId}`, { kind: 'station', id: stationId });
    return station;
  }

  rota(stationId: string): Promise<RotaStream> {
    return this.engine.load(this.engine.streamNameOf(stationId), { maxAgeMs: READ_MAX_AGE_MS });
  }

  /** The rota as it stands from `now` on; 404 while the station has none. */
  async view(stationId: string, now: string): Promise<RotaView> {
    const stream = await this.rota(stationId);
    if (stream.revision < 0) throw noRota(stationId);
    return rotaView(stationId, stream, chinaDateOfInstant(now));
  }

  async setSchedule(who: Principal, stationId: string, body: ReceptionScheduleBody, request: CommandRequest): Promise<RotaWrite> {
    const station = await this.#keptBy(who, stationId);
    const issues: FieldIssue[] = [];
    for (const [i, session] of body.sessions.entries()) {
      issues.push(...(await this.#offDuty(station, session.deputyIds, `data.sessions.${i}.deputyIds`)));
    }
    if (issues.length > 0) throw new CommandInvalidError('set-schedule', issues);
    return this.#execute(who, stationId, { type: 'set-schedule', data: body }, request);
  }

  async changeDate(who: Principal, stationId: string, change: ReceptionDateCommand, request: CommandRequest): Promise<RotaWrite> {
    const station = await this.#keptBy(who, stationId);
    const issues = await this.#offDuty(station, change.deputyIds ?? [], 'data.deputyIds');
    if (issues.length > 0) throw new CommandInvalidError('change-date', issues);
    return this.#execute(who, stationId, { type: 'change-date', data: change }, request);
  }

  /** Every event of the station's rota, oldest first, with who wrote it and when. */
  async history(stationId: string): Promise<HistoryEvent[]> {
    try {
      const events = await this.options.store.readStream(this.engine.streamNameOf(stationId));
      return events.map(({ revision, type, data, metadata, position, recordedAt }) => ({ revision, type, data, metadata, position, recordedAt }));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw noRota(stationId);
      throw error;
    }
  }

  /** How many days ahead the station publishes its receptions. */
  async publishDaysAhead(stationId: string): Promise<number> {
    return publishDaysAheadOf((await this.rota(stationId)).context) ?? DEFAULT_PUBLISH_DAYS_AHEAD;
  }

  async receptions(stationId: string, from: string, to: string): Promise<Reception[]> {
    return receptionsBetween((await this.rota(stationId)).context, iso(from), iso(to));
  }

  async nextReception(stationIds: readonly string[], now: string): Promise<Reception | undefined> {
    const nowMs = Date.parse(now);
    let next: Reception | undefined;
    for (const stationId of new Set(stationIds)) {
      const rota = (await this.rota(stationId)).context;
      const published = iso(nowMs + (publishDaysAheadOf(rota) ?? DEFAULT_PUBLISH_DAYS_AHEAD) * DAY_MS);
      // From a day back: a reception under way now has started already.
      const found = receptionsBetween(rota, iso(nowMs - DAY_MS), published).find((r) => !r.cancelled && Date.parse(r.end) > nowMs);
      if (found && (!next || found.start < next.start)) next = found;
    }
    return next;
  }

  async #keptBy(who: Principal, stationId: string): Promise<Station> {
    const station = await this.station(stationId);
    if (!mayKeepRota(who, station)) {
      throw new HuiyinError('AUTH.FORBIDDEN', `only an administrator, a supervisor of its area or its staff keep the rota of ${stationId}`, {
        role: who.role,
      });
    }
    return station;
  }

  /** Deputies named who do not serve at the station, as field issues under `path`. */
  async #offDuty(station: Station, deputyIds: readonly string[], path: string): Promise<FieldIssue[]> {
    const deputies = await Promise.all(deputyIds.map((id) => this.options.directory.deputy(id)));
    return deputies.flatMap((deputy, j) =>
      deputy?.stationIds.includes(station.id) ? [] : [{ path: `${path}.${j}`, message: `${deputyIds[j]} is not a deputy serving at ${station.id}` }],
    );
  }

  async #execute(who: Principal, stationId: string, command: RotaCommand, request: CommandRequest): Promise<RotaWrite> {
    const envelope = commandEnvelope(actorOf(who), stationId, command.type, command.data, request);
    const result = await this.engine.execute(envelope, { validated: request.parsed === true });
    if (result.position >= 0) this.options.noteWrite?.(result.position);
    return { ...rotaView(stationId, result.state, chinaDateOfInstant(request.now)), position: result.position };
  }
}

const noRota = (stationId: string) =>
  new HuiyinError('DIRECTORY.NOT_FOUND', `station ${stationId} has no reception schedule yet`, { kind: 'rota', id: stationId });

export { mayKeepRota, mayReadWholeRota } from './rights.js';
