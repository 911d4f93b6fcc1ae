import type { z } from 'zod';
import { caseCommandTypes, type CaseCommandType, type receiveBody } from '../../contracts/case/commands.js';
import type { DirectoryLookup } from '../../contracts/directory.js';
import { CommandInvalidError, HuiyinError, IllegalTransitionError, WrongExpectedRevisionError } from '../../contracts/errors.js';
import type { EventStore, RecordedEvent } from '../../contracts/event-store.js';
import type { Claims } from '../../contracts/identity.js';
import { caseWorkflow } from '../../workflows/case/index.js';
import { caseCommandEvents } from '../../workflows/case/decider.js';
import { canSeeCase, mayTakeAction } from '../../workflows/case/permissions.js';
import { WorkflowEngine, type CommandResult, type ExecuteHints } from '../../workflows/engine/engine.js';
import { emptyStream, foldEvents, type FoldedStream } from '../../workflows/engine/fold.js';
import { caseView, scopeOf, type CaseView } from './case-view.js';
import { commandIdFor, newCaseIdFor } from '../command-ids.js';

export interface RequestFacts {
  /** When the command reached us: the only clock the domain sees. */
  now: string;
  idempotencyKey?: string;
  /** The revision the client last saw (If-Match); the command fails if the case moved on. */
  ifMatch?: number;
  correlationId?: string;
  /**
   * The body was parsed with the command's own schema at the boundary (and
   * the request's ids checked there), so the engine need not parse it again.
   */
  parsed?: boolean;
}

export interface CaseOutcome {
  /** The case after the command, with the command's `position`. */
  view: CaseView;
  replayed: boolean;
}

const notFound = (id: string) => new HuiyinError('CASE.NOT_FOUND', `no case ${id}`, { caseId: id });

/** How stale a state may be for the first permission answer (the engine re-checks). */
const RECENT_MS = 2000;

/** 404 for a case the user cannot see (or that does not exist), 403 for an action they may not take. */
function checkAccess(claims: Claims, caseId: string, state: FoldedStream, action?: CaseCommandType): void {
  const scope = scopeOf(state.snapshot);
  if (state.revision < 0 || !canSeeCase(claims, scope)) throw notFound(caseId);
  if (action && !mayTakeAction(claims, action, scope)) {
    throw new HuiyinError('AUTH.FORBIDDEN', `your role cannot ${action} this case`, { action });
  }
}

/** Case commands and reads on behalf of a signed-in user: scope, permission, then the engine. */
export class CaseService {
  readonly engine: WorkflowEngine;

  constructor(
    readonly store: EventStore,
    readonly directory: DirectoryLookup,
  ) {
    this.engine = new WorkflowEngine(store, caseWorkflow);
  }

  async receive(claims: Claims, body: z.infer<typeof receiveBody>, facts: RequestFacts): Promise<CaseOutcome> {
    const station = await this.directory.station(body.stationId);
    if (!station) throw new CommandInvalidError('receive', [{ path: 'data.stationId', message: 'no such station' }]);
    if (!mayTakeAction(claims, 'receive', { stationId: station.id, areaCode: station.areaCode, deputyIds: [] })) {
      throw new HuiyinError('AUTH.FORBIDDEN', `you cannot receive cases at station ${station.id}`);
    }
    const caseId = newCaseIdFor(claims.sub, facts.idempotencyKey);
    const data = Object.assign({}, body, { areaCode: station.areaCode });
    const result = await this.#execute(claims, caseId, 'receive', data, facts, {
      newStream: !facts.idempotencyKey,
    });
    return this.#outcome(claims, result, 'receive');
  }

  /**
   * The case as this user may see it; 404 when it does not exist or is
   * outside their scope. `maxAgeMs` allows a state this instance saw that
   * recently (its own writes are always in it).
   */
  async read(claims: Claims, caseId: string, options: { maxAgeMs?: number } = {}): Promise<FoldedStream> {
    const state = await this.#load(caseId, options);
    checkAccess(claims, caseId, state);
    return state;
  }

  /** The case as the store (or, within `maxAgeMs`, the cache) has it; no access check. */
  #load(caseId: string, options: { maxAgeMs?: number }): Promise<FoldedStream> {
    return this.engine.load(this.engine.streamNameOf(caseId), options).catch((error: unknown) => {
      if (error instanceof HuiyinError && error.code === 'COMMAND.INVALID') throw notFound(caseId);
      throw error;
    });
  }

  view(claims: Claims, state: FoldedStream, position?: number): CaseView {
    const scope = scopeOf(state.snapshot);
    const allowed = this.engine
      .allowedActions(state.snapshot)
      .filter((action) => mayTakeAction(claims, action as CaseCommandType, scope));
    return caseView(state.snapshot, state.revision, allowed, position);
  }

  async act(claims: Claims, caseId: string, action: CaseCommandType, data: unknown, facts: RequestFacts): Promise<CaseOutcome> {
    // A first answer from what this instance last saw, so 404 and 403 come
    // before complaints about the body; the engine asks again on the state
    // it decides on.
    const authorize = (stream: FoldedStream) => checkAccess(claims, caseId, stream, action);
    const state = await this.#load(caseId, { maxAgeMs: RECENT_MS });
    authorize(state);
    await this.#checkReferences(claims, caseId, action, data);
    try {
      return await this.#outcome(claims, await this.#execute(claims, caseId, action, data, facts, { authorize }), action);
    } catch (error) {
      // The workflow lists what the case allows; the caller needs what they may do.
      if (!(error instanceof IllegalTransitionError)) throw error;
      const mine = error.allowedActions.filter((a) => mayTakeAction(claims, a as CaseCommandType, scopeOf(state.snapshot)));
      throw new IllegalTransitionError(error.commandType, error.status, mine);
    }
  }

  async history(claims: Claims, caseId: string): Promise<RecordedEvent[]> {
    const state = await this.read(claims, caseId);
    return this.store.readStream(state.streamName);
  }

  async #execute(
    claims: Claims,
    caseId: string,
    type: CaseCommandType,
    data: unknown,
    facts: RequestFacts,
    hints: ExecuteHints = {},
  ) {
    if (facts.parsed) hints = Object.assign({}, hints, { validated: true });
    try {
      return await this.engine.execute({
        streamId: caseId,
        type,
        data,
        commandId: commandIdFor(claims.sub, facts.idempotencyKey),
        actor: { id: claims.sub, role: claims.role },
        occurredAt: facts.now,
        ...(facts.correlationId ? { correlationId: facts.correlationId } : {}),
        ...(facts.ifMatch !== undefined ? { expectedRevision: facts.ifMatch } : {}),
      }, hints);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError && facts.ifMatch !== undefined) {
        throw new HuiyinError('HTTP.PRECONDITION_FAILED', `the case is at revision ${error.actual}, not ${facts.ifMatch}`, {
          currentRevision: error.actual,
        });
      }
      throw error;
    }
  }

  /** Deputies named in an assignment and a case merged into must exist. */
  async #checkReferences(claims: Claims, caseId: string, action: CaseCommandType, data: unknown) {
    const body = (data ?? {}) as { deputyIds?: unknown; intoCaseId?: unknown };
    if ((action === 'assign' || action === 'reassign') && Array.isArray(body.deputyIds)) {
      const missing: string[] = [];
      for (const [i, id] of body.deputyIds.entries()) {
        if (typeof id === 'string' && !(await this.directory.deputy(id))) missing.push(`data.deputyIds.${i}`);
      }
      if (missing.length) throw new CommandInvalidError(action, missing.map((path) => ({ path, message: 'no such deputy' })));
    }
    if (action === 'merge' && typeof body.intoCaseId === 'string' && body.intoCaseId !== caseId) {
      const target = await this.read(claims, body.intoCaseId).catch(() => undefined);
      const open = target && !['withdrawn', 'merged'].includes(String(target.snapshot.value));
      if (!open) throw new CommandInvalidError(action, [{ path: 'data.intoCaseId', message: 'no open case with that id' }]);
    }
  }

  /** A replayed command answers as it did the first time: the case as of that command. */
  async #outcome(claims: Claims, result: CommandResult, action: CaseCommandType): Promise<CaseOutcome> {
    if (!result.replayed) return { view: this.view(claims, result.state, result.position), replayed: false };
    const events = await this.store.readStream(result.streamName, { maxCount: result.revision + 1 });
    if (events.at(-1)?.type !== caseCommandEvents[action]) {
      throw new HuiyinError('HTTP.IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used for another request');
    }
    const then = foldEvents(caseWorkflow, emptyStream(caseWorkflow, result.streamName), events);
    return { view: this.view(claims, then, result.position), replayed: true };
  }
}

export const caseActions = caseCommandTypes.filter((type) => type !== 'receive');
