import type { z, ZodType } from 'zod';
import { appointmentActionBodies, type AppointmentAction, type AppointmentCommand, type AppointmentEvent } from '../../contracts/appointments.js';
import { type AppointmentView } from '../../contracts/appointments-http.js';
import type { DirectoryLookup } from '../../contracts/directory.js';
import { CommandInvalidError, HuiyinError, IllegalTransitionError, type FieldIssue } from '../../contracts/errors.js';
import type { EventStore } from '../../contracts/event-store.js';
import type { Principal } from '../../contracts/identity.js';
import type { ReceptionCalendar } from '../../contracts/receptions.js';
import type { ReadModels } from '../../projections/read-models.js';
import { appointmentRights, appointmentWorkflow, type AppointmentContext, type AppointmentRights } from '../../workflows/appointment/index.js';
import { WorkflowEngine, type CommandResult } from '../../workflows/engine/engine.js';
import { fieldIssues } from '../../workflows/engine/field-issues.js';
import { emptyStream, foldEvents } from '../../workflows/engine/fold.js';
import { actorOf, commandEnvelope, fingerprintOf, type CommandRequest } from '../commands/envelope.js';
import { actionData } from './action-data.js';
import { actionsNow, appointmentNotFound, appointmentView, scopeOf, type AppointmentState } from './appointment-view.js';
import { raiseCases, type CaseReceiver } from './hold-cases.js';
import { SlotClaims } from './slot-claims.js';
import { SlotFinder } from './slot-finder.js';

export type AppointmentEngine = WorkflowEngine<AppointmentContext, AppointmentCommand, AppointmentEvent>;
type AppointmentResult = CommandResult<AppointmentContext, AppointmentCommand, AppointmentEvent, AppointmentRights>;

export interface AppointmentServiceOptions {
  store: EventStore;
  directory: DirectoryLookup;
  readModels: ReadModels;
  /** Opens the cases a held appointment raises. */
  cases: CaseReceiver;
  /** The rota's receptions, asked at each slot lookup (the rota may start after this service). */
  calendar: () => ReceptionCalendar;
}

export interface AppointmentOutcome {
  view: AppointmentView;
  replayed: boolean;
}

/** How stale a state may be for the first permission answer (the engine decides on the latest). */
const RECENT_MS = 2000;

/** Parses what a caller that is not a route (the demo) sends, as a route would, naming every bad field. */
export function parsed<T extends ZodType>(schema: T, data: unknown, command: string, request: CommandRequest): z.output<T> {
  if (request.parsed) return data as z.output<T>;
  const result = schema.safeParse(data ?? {});
  if (!result.success) throw new CommandInvalidError(command, fieldIssues(result.error, 'data'));
  return result.data;
}

/**
 * The caller's rights on an appointment; 404 when they may not see it (or
 * it does not exist), 403 for an action they may not take. `owner`: the
 * online station has proven the citizen booked it (tracking code and phone).
 */
function rightsOn(who: Principal, id: string, state: AppointmentState, action?: AppointmentAction, owner = false): AppointmentRights {
  const scope = scopeOf(state);
  const rights = scope && appointmentRights(who, scope);
  if (!rights || (!rights.see && !owner)) throw appointmentNotFound(id);
  if (action && !rights.actions.has(action)) throw new HuiyinError('AUTH.FORBIDDEN', `your role cannot ${action} this appointment`, { action });
  return rights;
}

/** Appointment commands and reads for people and the online station: rights, slots, then the engine. */
export class AppointmentService {
  readonly engine: AppointmentEngine;
  readonly slots: SlotFinder;
  readonly claims: SlotClaims;

  constructor(readonly options: AppointmentServiceOptions) {
    this.engine = new WorkflowEngine(options.store, appointmentWorkflow);
    this.slots = new SlotFinder(options.directory, options.readModels, options.calendar);
    this.claims = new SlotClaims(options.store, (id) => this.load(id));
  }

  /** The appointment's stream folded; a state at revision -1 when there is none. */
  load(id: string, options: { maxAgeMs?: number } = {}): Promise<AppointmentState> {
    return this.engine.load(this.engine.streamNameOf(id), options);
  }

  async read(who: Principal, id: string): Promise<{ state: AppointmentState; rights: AppointmentRights }> {
    const state = await this.load(id);
    return { state, rights: rightsOn(who, id, state) };
  }

  view(state: AppointmentState, rights: AppointmentRights, now: string, position?: number): AppointmentView {
    return appointmentView(state, actionsNow(this.engine.allowedActions(state), rights, state, now), position);
  }

  /** Runs an action; `owner` as in rightsOn. */
  async act(who: Principal, id: string, action: AppointmentAction, body: unknown, request: CommandRequest, owner = false): Promise<AppointmentOutcome> {
    const seen = await this.load(id, { maxAgeMs: RECENT_MS });
    const first = rightsOn(who, id, seen, action, owner);
    const authorize = (stream: AppointmentState) => (stream === seen ? first : rightsOn(who, id, stream, action, owner));
    const actor = actorOf(who);
    const probe = commandEnvelope(actor, id, action, body, request);
    // A retry of a command already taken is answered from the log, before any check of the state it changed.
    const retried = seen.commands.has(probe.commandId);
    if (!retried) this.#refuseIfStatusForbids(seen, action, first, request.now);
    const valid = parsed(appointmentActionBodies[action], body, action, request);
    const data = retried ? valid : await actionData(this, who, seen, action, valid, request);
    const envelope = commandEnvelope(actor, id, action, data, request);
    // Derived data (a slot's end, the cases opened) must not make a retry look like another request.
    if (envelope.fingerprint !== undefined) envelope.fingerprint = fingerprintOf(id, action, valid);
    let result: AppointmentResult;
    try {
      // A retry is answered from the log before its data is looked at: it need not be the command's shape.
      result = await this.engine.execute(envelope, { authorize, validated: retried });
    } catch (error) {
      if (!(error instanceof IllegalTransitionError)) throw error;
      throw this.#narrowed(error, first, seen, request.now);
    }
    // The hold is recorded naming its cases; now they are opened (again on a retry: only what is missing).
    const held = result.state.context.held;
    if (action === 'hold' && held) {
      const matters = (valid as { matters?: Parameters<typeof raiseCases>[4] }).matters ?? [];
      await raiseCases(this.options.cases, who, result.state, held, matters, request);
    }
    return this.outcome(who, result, request.now, owner);
  }

  /** A command the status does not take is a conflict before anything its data names is looked up. */
  #refuseIfStatusForbids(state: AppointmentState, action: AppointmentAction, rights: AppointmentRights, now: string): void {
    const allowed = this.engine.allowedActions(state);
    if (!allowed.includes(action)) throw this.#narrowed(new IllegalTransitionError(action, state.status, allowed), rights, state, now);
  }

  /** The workflow lists what the appointment allows; the caller needs what they may do now. */
  #narrowed(error: IllegalTransitionError, rights: AppointmentRights, state: AppointmentState, now: string): IllegalTransitionError {
    const mine = actionsNow(error.allowedActions, rights, state, now);
    return new IllegalTransitionError(error.commandType, error.status, mine, 'WORKFLOW.ILLEGAL_TRANSITION', 'the appointment');
  }

  /** The appointment after the command; a replayed command answers with the appointment as of that command. */
  async outcome(who: Principal, result: AppointmentResult, now: string, owner = false): Promise<AppointmentOutcome> {
    const state = result.replayed
      ? foldEvents(this.engine.workflow, emptyStream(this.engine.definition, result.streamName), await this.options.store.readStream(result.streamName, { maxCount: result.revision + 1 }))
      : result.state;
    const rights = result.rights ?? rightsOn(who, state.context.requested?.appointmentId ?? '', state, undefined, owner);
    return { view: this.view(state, rights, now, result.position), replayed: result.replayed };
  }

  /** Every deputy named exists, else a 400 naming each that does not. */
  async checkDeputies(command: string, path: string, deputyIds: readonly string[]): Promise<void> {
    const issues: FieldIssue[] = [];
    for (const [i, id] of deputyIds.entries()) {
      if (!(await this.options.directory.deputy(id))) issues.push({ path: `${path}.${i}`, message: 'no such deputy' });
    }
    if (issues.length > 0) throw new CommandInvalidError(command, issues);
  }
}
