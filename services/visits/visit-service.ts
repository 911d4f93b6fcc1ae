import type { ReceiveBody } from '../../contracts/case/commands.js';
import { CommandInvalidError, HuiyinError, type FieldIssue } from '../../contracts/errors.js';
import type { EventStore } from '../../contracts/event-store.js';
import type { Principal } from '../../contracts/identity.js';
import type { VisitBody, VisitView } from '../../contracts/visits.js';
import { mayReceiveAt } from '../../workflows/case/permissions.js';
import { trackingCodeFor } from '../../workflows/case/tracking-code.js';
import { WorkflowEngine, type CommandResult } from '../../workflows/engine/engine.js';
import type { FoldedStream } from '../../workflows/engine/fold.js';
import { visitWorkflow, type VisitCommand, type VisitContext } from '../../workflows/visit/index.js';
import type { VisitEvent } from '../../contracts/visits.js';
import type { CaseService } from '../cases/case-service.js';
import { caseRaisedBy, newCaseIdFor } from '../commands/command-ids.js';
import { actorOf, commandEnvelope, fingerprintOf, type CommandRequest } from '../commands/envelope.js';
import type { Directory } from '../directory/index.js';

export type VisitState = FoldedStream<VisitContext, VisitCommand, VisitEvent>;

const notFound = (id: string) => new HuiyinError('HTTP.NOT_FOUND', `no visit ${id}`);

/**
 * The registration form: one visit and its matters, all or nothing.
 *
 * Everything the form names is checked first (the station and the caller's
 * rights there, the deputies, each matter's category, the date), so a bad
 * form writes nothing. Then the visit is recorded in one append, naming the
 * case each matter becomes under an id derived from the visit; then each
 * case is opened with a command id derived the same way. A retry of the
 * form (same Idempotency-Key) finds the visit recorded and opens only the
 * cases still missing, so a crash between the two steps is healed by the
 * client's retry, and nothing is ever opened twice.
 */
export class VisitService {
  readonly engine: WorkflowEngine<VisitContext, VisitCommand, VisitEvent>;

  constructor(
    store: EventStore,
    private readonly directory: Directory,
    private readonly cases: CaseService,
  ) {
    this.engine = new WorkflowEngine(store, visitWorkflow);
  }

  async register(who: Principal, body: VisitBody, request: CommandRequest): Promise<{ view: VisitView; replayed: boolean }> {
    const station = await this.directory.station(body.stationId);
    if (!station) throw new CommandInvalidError('register', [{ path: 'data.stationId', message: 'no such station' }]);
    if (!mayReceiveAt(who, station)) throw new HuiyinError('AUTH.FORBIDDEN', `you cannot register visits at station ${station.id}`);
    const forms = body.matters.map((matter) => this.caseForm(body, matter));
    await this.check(body, station.areaCode);

    const visitId = newCaseIdFor(`visit:${who.sub}`, request.idempotencyKey);
    const receivedAt = body.receivedAt ?? new Date(request.now).toISOString();
    const data = {
      visitId,
      stationId: station.id,
      areaCode: station.areaCode,
      channel: body.channel,
      receivedAt,
      deputyIds: body.deputyIds,
      visitor: body.visitor,
      matters: body.matters.map((m, i) =>
        m.answer !== undefined
          ? { summary: m.summary, category: m.category, answer: m.answer }
          : { summary: m.summary, category: m.category, caseId: caseIdOf(visitId, i) },
      ),
      ...(body.notes === undefined ? {} : { notes: body.notes }),
    };
    const envelope = commandEnvelope(actorOf(who), visitId, 'register', data, request);
    // A retry is the same form, whatever `now` it arrives at (a visit dated "now" is dated by the first try).
    if (envelope.fingerprint !== undefined) envelope.fingerprint = fingerprintOf(visitId, 'register', body);
    const result = await this.engine.execute(envelope, { validated: true });
    // The cases follow from the visit as recorded (a retry's form may differ; the first one counts).
    const recorded = result.state.context.visit!;
    let position = result.position;
    for (const [i, matter] of recorded.matters.entries()) {
      if (matter.caseId === undefined) continue;
      const form = { ...forms[i]!, receivedAt: recorded.receivedAt };
      const as = caseRaisedBy('visit', visitId, i);
      const opened = await this.cases.receive(who, form, { now: request.now, parsed: true, correlationId: request.correlationId, causationId: result.streamName }, as);
      position = Math.max(position, opened.view.position ?? -1);
    }
    return { view: { ...viewOf(result.state), position }, replayed: result.replayed };
  }

  async recordSatisfaction(who: Principal, visitId: string, data: { satisfaction: string; comment?: string }, request: CommandRequest) {
    // A visit never moves to another station, so the rights asked now hold for the append.
    await this.mayWrite(who, await this.read(who, visitId));
    const envelope = commandEnvelope(actorOf(who), visitId, 'record-satisfaction', { visitId, ...data }, request);
    const result: CommandResult<VisitContext, VisitCommand, VisitEvent> = await this.engine.execute(envelope);
    return { view: { ...viewOf(result.state), position: result.position }, replayed: result.replayed };
  }

  /** The visit, if the caller may see it (its station is theirs), else 404. */
  async read(who: Principal, visitId: string): Promise<VisitState> {
    const state = await this.engine.load(this.engine.streamNameOf(visitId)).catch(() => undefined);
    const visit = state?.context.visit;
    if (!state || !visit) throw notFound(visitId);
    const station = await this.directory.station(visit.stationId);
    // As the list: the station's people, and a deputy who received the visitor wherever it was.
    const received = who.role === 'deputy' && visit.deputyIds.includes(who.sub);
    const sees = who.role === 'admin' || who.role === 'auditor' || received || (station !== undefined && mayReceiveAt(who, station));
    if (!sees) throw notFound(visitId);
    return state;
  }

  private async mayWrite(who: Principal, state: VisitState): Promise<void> {
    const station = await this.directory.station(state.context.visit!.stationId);
    if (!station || !mayReceiveAt(who, station)) throw new HuiyinError('AUTH.FORBIDDEN', 'only the station records its visitors’ satisfaction');
  }

  private caseForm(body: VisitBody, matter: VisitBody['matters'][number]): ReceiveBody {
    return {
      channel: body.channel,
      stationId: body.stationId,
      category: matter.category,
      summary: matter.summary,
      constituent: body.visitor,
      ...(matter.location ? { location: { description: matter.location } } : {}),
      ...(matter.urgency ? { urgency: matter.urgency } : {}),
      receptionDeputyIds: body.deputyIds,
    };
  }

  /** Every problem with the form at once, named by the form's own fields (the station and the caller's rights are checked already). */
  private async check(body: VisitBody, areaCode: string): Promise<void> {
    const issues: FieldIssue[] = [];
    for (const [i, id] of body.deputyIds.entries()) {
      if (!(await this.directory.deputy(id))) issues.push({ path: `data.deputyIds.${i}`, message: 'no such deputy' });
    }
    for (const [i, { category }] of body.matters.entries()) {
      if (!(await this.directory.categoryFor(areaCode, category))) {
        issues.push({ path: `data.matters.${i}.category`, message: `no category ${category} for this station's area; see GET /api/categories?area=${areaCode}` });
      }
    }
    if (issues.length > 0) throw new CommandInvalidError('register', issues);
  }
}

export const caseIdOf = (visitId: string, index: number) => caseRaisedBy('visit', visitId, index).caseId;

export function viewOf(state: VisitState): VisitView {
  const { visit, recordedAt, satisfaction } = state.context;
  const v = visit!;
  return {
    id: v.visitId,
    stationId: v.stationId,
    areaCode: v.areaCode,
    channel: v.channel,
    receivedAt: v.receivedAt,
    deputyIds: v.deputyIds,
    visitor: v.visitor,
    matters: v.matters.map((m) => ({
      summary: m.summary,
      category: m.category,
      caseId: m.caseId ?? null,
      trackingCode: m.caseId === undefined ? null : trackingCodeFor(m.caseId),
      answer: m.answer ?? null,
    })),
    notes: v.notes ?? null,
    satisfaction: satisfaction?.satisfaction ?? null,
    recordedAt: recordedAt!,
    revision: state.revision,
  };
}
