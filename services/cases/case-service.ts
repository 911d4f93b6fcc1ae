import type { Actor } from '../../contracts/actor.js';
import { caseActions, type CaseAction, type CaseCommand, type CaseCommandType, type ReceiveBody } from '../../contracts/case/commands.js';
import type { PendingTimer, TimerAction } from '../../contracts/case/timers.js';
import type { CaseEvent } from '../../contracts/case/events.js';
import type { CaseView } from '../../contracts/case/view.js';
import type { DirectoryLookup } from '../../contracts/directory.js';
import { HuiyinError, IllegalTransitionError } from '../../contracts/errors.js';
import type { EventStore } from '../../contracts/event-store.js';
import type { HistoryEvent } from '../../contracts/history.js';
import type { Principal } from '../../contracts/identity.js';
import { caseCommandEvents, caseWorkflows, type CaseContext } from '../../workflows/case/index.js';
import { caseRights, type CaseRights } from '../../workflows/case/permissions.js';
import { WorkflowEngine, type CommandResult, type ExecuteHints } from '../../workflows/engine/engine.js';
import { emptyStream, foldEvents, type FoldedStream } from '../../workflows/engine/fold.js';
import { newCaseIdFor } from '../commands/command-ids.js';
import { actorOf, commandEnvelope, fingerprintOf, type CommandRequest } from '../commands/envelope.js';
import type { Deadlines } from '../deadlines/index.js';
import { CaseChecks } from './case-checks.js';
import { CaseMerges } from './case-merge.js';
import { caseView, scopeOf } from './case-view.js';

export type CaseState = FoldedStream<CaseContext, CaseCommand, CaseEvent>;
export type CaseEngine = WorkflowEngine<CaseContext, CaseCommand, CaseEvent>;
export type CaseResult = CommandResult<CaseContext, CaseCommand, CaseEvent, CaseRights>;

export interface CaseOutcome {
  /** The case after the command, with the command's `position`. */
  view: CaseView;
  replayed: boolean;
}

export interface CaseServiceOptions {
  /** The case workflow version new cases are opened under (default: the latest). */
  workflowVersion?: number;
  /** Where deadline policies and the calendar are read (default: Huiyin's default policy and shipped calendar). */
  deadlines?: Deadlines;
}

/** Huiyin itself, as the scheduler's commands record it. */
export const huiyin: Actor = { id: 'huiyin', role: 'system', name: '回音' };
const timerCommands: Readonly<Record<TimerAction, CaseCommandType>> = { remind: 'remind', overdue: 'mark-overdue', escalate: 'escalate-overdue' };

const notFound = (id: string) => new HuiyinError('CASE.NOT_FOUND', `no case ${id}`, { caseId: id });

/** How stale a state may be for the first permission answer (the engine decides on the latest). */
const RECENT_MS = 2000;

/** The caller's rights on a case; 404 when they may not see it (or it does not exist), 403 for an action they may not take. */
function rightsOn(who: Principal, caseId: string, state: CaseState, action?: CaseAction): CaseRights {
  const rights = caseRights(who, scopeOf(state.context));
  if (state.revision < 0 || !rights.see) throw notFound(caseId);
  if (action && !rights.actions.has(action)) throw new HuiyinError('AUTH.FORBIDDEN', `your role cannot ${action} this case`, { action });
  return rights;
}

/** Case commands and reads on behalf of a person or of Huiyin itself: rights, then the engine. */
export class CaseService {
  readonly engine: CaseEngine;
  readonly checks: CaseChecks;
  readonly #merges: CaseMerges;
  readonly #deadlines: Deadlines | undefined;

  constructor(
    readonly store: EventStore,
    directory: DirectoryLookup,
    options: CaseServiceOptions = {},
  ) {
    this.engine = new WorkflowEngine(store, caseWorkflows, { version: options.workflowVersion });
    this.checks = new CaseChecks(directory);
    this.#merges = new CaseMerges(this.engine);
    this.#deadlines = options.deadlines;
  }

  /** The policy and calendar a deadline set from `from` in `areaCode` is counted by (undefined: the defaults). */
  async #deadlineFacts(areaCode: string | undefined, from: string): Promise<unknown> {
    return areaCode === undefined ? undefined : this.#deadlines?.factsFor(areaCode, from);
  }

  /**
   * Opens a case. `as` gives the case and command ids when another record
   * decided them first (a visit's matters): whoever retries, the same case
   * is opened once.
   */
  async receive(who: Principal, body: ReceiveBody, request: CommandRequest, as?: { caseId: string; commandId: string }): Promise<CaseOutcome> {
    const data = await this.checks.receiveData(who, body);
    const caseId = as?.caseId ?? newCaseIdFor(who.sub, request.idempotencyKey);
    // The principal already carries the directory's name and the rights used.
    const actor = actorOf(who);
    const envelope = commandEnvelope(actor, caseId, 'receive', data, request, as?.commandId);
    // A retry is the same form, whatever the directory has said of its category since.
    if (envelope.fingerprint !== undefined) envelope.fingerprint = fingerprintOf(caseId, 'receive', body);
    const result = await this.engine.execute(envelope, {
      newStream: !request.idempotencyKey,
      validated: request.parsed,
      facts: await this.#deadlineFacts(data.areaCode, data.receivedAt ?? envelope.occurredAt),
    });
    return this.#outcome(who, result, 'receive');
  }

  /**
   * The case and the caller's rights on it; 404 when it does not exist or
   * is outside their scope. `maxAgeMs` allows a state this instance saw
   * that recently (its own writes are always in it).
   */
  async read(who: Principal, caseId: string, options: { maxAgeMs?: number } = {}): Promise<{ state: CaseState; rights: CaseRights }> {
    const state = await this.#load(caseId, options);
    return { state, rights: rightsOn(who, caseId, state) };
  }

  #load(caseId: string, options: { maxAgeMs?: number }): Promise<CaseState> {
    return this.engine.load(this.engine.streamNameOf(caseId), options).catch((error: unknown) => {
      if (error instanceof HuiyinError && error.code === 'COMMAND.INVALID') throw notFound(caseId);
      throw error;
    });
  }

  view(state: CaseState, rights: CaseRights, position?: number): CaseView {
    return caseView(state, this.engine.allowedActions(state), rights, position);
  }

  async act(who: Principal, caseId: string, action: CaseAction, data: unknown, request: CommandRequest): Promise<CaseOutcome> {
    // A first answer from what this instance last saw, so 404 and 403 come
    // before complaints about what the body names. The engine asks again
    // only if it decides on another state than this one.
    const seen = await this.#load(caseId, { maxAgeMs: RECENT_MS });
    const first = rightsOn(who, caseId, seen, action);
    const authorize = (stream: CaseState) => (stream === seen ? first : rightsOn(who, caseId, stream, action));
    const body = (data ?? {}) as { deputyIds?: string[]; intoCaseId?: string };
    if ((action === 'assign' || action === 'reassign') && body.deputyIds) {
      await this.checks.checkAssignment(who, scopeOf(seen.context), action, body.deputyIds);
    }
    const actor = actorOf(who);
    const envelope = commandEnvelope(actor, caseId, action, data, request);
    const hints: ExecuteHints<CaseContext, CaseCommand, CaseEvent, CaseRights> = { authorize, validated: request.parsed };
    // A reopened matter gets a new reply deadline, by the policy in force now.
    if (action === 'reopen') hints.facts = await this.#deadlineFacts(seen.context.received?.areaCode, envelope.occurredAt);
    try {
      const result =
        action === 'merge'
          ? await this.#merges.merge(who, envelope, body.intoCaseId ?? '', hints)
          : await this.engine.execute(envelope, hints);
      if (action === 'give-feedback') await this.#merges.relayFeedback(result.state, envelope);
      return await this.#outcome(who, result, action);
    } catch (error) {
      // The workflow lists what the case allows; the caller needs what they may do.
      if (!(error instanceof IllegalTransitionError)) throw error;
      const mine = error.allowedActions.filter((a) => (first.actions as ReadonlySet<string>).has(a));
      throw new IllegalTransitionError(error.commandType, error.status, mine, 'CASE.ILLEGAL_TRANSITION', 'the case');
    }
  }

  /**
   * One firing of a case's timer, as Huiyin itself. Its command id derives
   * from the case, the deadline, the action, the due time and when it was
   * set, so a retry, a
   * restart or a second instance sends the same command and the case
   * records it once; a case that no longer waits for it decides nothing.
   */
  fireTimer(caseId: string, timer: Pick<PendingTimer, 'deadline' | 'action' | 'dueBy' | 'setAt'>, now: string): Promise<CaseResult> {
    const { deadline, action, dueBy, setAt } = timer;
    // The round (when its deadline was set) too: a reopening can set the same due time again.
    const key = JSON.stringify(['timer', caseId, deadline, action, dueBy, setAt]);
    const envelope = commandEnvelope(huiyin, caseId, timerCommands[action], { deadline, dueBy }, { now, idempotencyKey: key });
    return this.engine.execute(envelope);
  }

  async history(who: Principal, caseId: string): Promise<HistoryEvent[]> {
    const { state } = await this.read(who, caseId);
    const events = await this.store.readStream(state.streamName);
    return events.map(({ revision, type, data, metadata, position, recordedAt }) => ({ revision, type, data, metadata, position, recordedAt }));
  }

  /** A replayed command answers as it did the first time: the case as of that command. */
  async #outcome(who: Principal, result: CaseResult, action: CaseAction | 'receive'): Promise<CaseOutcome> {
    // A new case's rights are asked of the case it became (receiving was allowed by the station).
    if (!result.replayed) {
      const rights = result.rights ?? caseRights(who, scopeOf(result.state.context));
      return { view: this.view(result.state, rights, result.position), replayed: false };
    }
    const events = await this.store.readStream(result.streamName, { maxCount: result.revision + 1 });
    if (events.at(-1)?.type !== caseCommandEvents[action]) {
      throw new HuiyinError('IDEMPOTENCY.KEY_REUSED', 'this Idempotency-Key was already used for another request');
    }
    const then = foldEvents(caseWorkflows, emptyStream(this.engine.definition, result.streamName), events);
    return { view: this.view(then, caseRights(who, scopeOf(then.context)), result.position), replayed: true };
  }
}

export { caseActions };
