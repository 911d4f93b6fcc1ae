import { HuiyinError } from '../../contracts/errors.js';
import { citizenPrincipal } from '../../contracts/identity.js';
import type { PublicCaseView } from '../../contracts/online-station.js';
import { caseListTables } from '../../projections/case-list/index.js';
import type { ReadModels } from '../../projections/read-models.js';
import type { CaseContext } from '../../workflows/case/context.js';
import { takesCommand } from '../../workflows/engine/fold.js';
import { actorOf, commandEnvelope } from '../commands/envelope.js';
import type { CaseService, CaseState } from '../cases/case-service.js';
import type { Directory } from '../directory/index.js';
import type { CodeGuard } from './code-guard.js';

/** Wrong digits and an unknown code answer alike, so a code cannot be confirmed by guessing digits. */
const unknown = () => new HuiyinError('HTTP.NOT_FOUND', 'no matter with this tracking code and these phone digits');

const lastFour = (phone: string | undefined) => (phone ?? '').replace(/\D/g, '').slice(-4);

/** The public status, in the words a station uses with citizens. */
function statusTextOf(state: CaseState): string {
  const c = state.context;
  if (state.status === 'closed' || state.status === 'withdrawn' || state.status === 'merged') return '已办结';
  if (state.status === 'answered' || state.status === 'followed-up') return '已答复';
  if (c.acknowledged || c.deputyIds.length > 0) return '办理中';
  return '已受理';
}

const chinaDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The online station's look at one matter, by its tracking code and the last
 * four digits of the phone the citizen gave. The code is found in the case
 * list (an index of it), the matter itself is read from its stream, so the
 * answer is as current as the case.
 */
export class Tracking {
  constructor(
    private readonly readModels: ReadModels,
    private readonly cases: CaseService,
    private readonly directory: Directory,
    private readonly guard: CodeGuard,
  ) {}

  async find(trackingCode: string, phone4: string): Promise<CaseState> {
    this.guard.check(trackingCode);
    const db = await this.readModels.read('case-list');
    const row = db.prepare(`SELECT id FROM ${caseListTables.cases} WHERE tracking_code = ?`).get(trackingCode) as { id: string } | undefined;
    const state = row && (await this.cases.engine.load(this.cases.engine.streamNameOf(row.id)));
    const phone = state?.context.received?.constituent.phone;
    // A matter received without a phone cannot be tracked online: there is nothing to check.
    if (!state || !phone || lastFour(phone) !== phone4) {
      this.guard.wrong(trackingCode);
      throw unknown();
    }
    return state;
  }

  async view(state: CaseState, now: string): Promise<PublicCaseView> {
    const c = state.context;
    const received = c.received!;
    const station = await this.directory.station(received.stationId);
    const replies = [
      ...(c.feedback ? [{ at: c.feedback.at, method: c.feedback.method, summary: c.feedback.summary }] : []),
      ...c.relayedFeedback.map((r) => ({ at: r.at, method: r.method, summary: r.summary })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    const lastPressedAt = c.presses.at(-1)?.at ?? null;
    return {
      trackingCode: c.trackingCode,
      statusGroup: groupOf(state),
      statusText: statusTextOf(state),
      stationName: station?.name ?? '',
      categoryName: received.categoryName,
      receivedAt: received.receivedAt,
      replyDueBy: c.replyDueBy ?? received.replyDueBy,
      acknowledgedAt: c.acknowledged?.at ?? null,
      answeredAt: answeredAt(c),
      closedAt: c.closed?.at ?? c.withdrawn?.at ?? null,
      replies,
      pressCount: c.presses.length,
      lastPressedAt,
      canPress: takesCommand(state.definition, state.snapshot, 'press') && (lastPressedAt === null || chinaDate(lastPressedAt) !== chinaDate(now)),
    };
  }

  /** 催办: the citizen presses the matter, at most once a day (the workflow says so). */
  async press(state: CaseState, comment: string | undefined, now: string) {
    const data = comment === undefined ? {} : { comment };
    const envelope = commandEnvelope(actorOf(citizenPrincipal), c(state).caseId, 'press', data, { now });
    return this.cases.engine.execute(envelope);
  }
}

const c = (state: CaseState): CaseContext => state.context;
const groupOf = (state: CaseState) =>
  state.status === 'closed' || state.status === 'withdrawn' || state.status === 'merged'
    ? 'closed'
    : state.status === 'answered' || state.status === 'followed-up' ? 'answered' : 'open';
const answeredAt = (ctx: CaseContext) => ctx.feedback?.at ?? ctx.relayedFeedback[0]?.at ?? null;
