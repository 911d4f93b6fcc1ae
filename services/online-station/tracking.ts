import { HuiyinError } from '../../contracts/errors.js';
import { citizenPrincipal } from '../../contracts/identity.js';
import type { PublicCaseView } from '../../contracts/online-station.js';
import { statusGroupOf, type CaseStatus } from '../../contracts/case/vocabulary.js';
import { caseIdByTrackingCode } from '../../projections/case-list/index.js';
import type { ReadModels } from '../../projections/read-models.js';
import { pressedToday } from '../../workflows/case/index.js';
import type { CaseContext } from '../../workflows/case/context.js';
import { takesCommand } from '../../workflows/engine/fold.js';
import { actorOf, commandEnvelope } from '../commands/envelope.js';
import type { CaseService, CaseState } from '../cases/case-service.js';
import type { Directory } from '../directory/index.js';
import { phoneEndsWith, type CodeGuard } from './code-guard.js';

/** Wrong digits and an unknown code answer alike, so a code cannot be confirmed by guessing digits. */
const unknown = () => new HuiyinError('HTTP.NOT_FOUND', 'no matter with this tracking code and these phone digits');

/** The public status, in the words a station uses with citizens. */
function statusTextOf(state: CaseState): string {
  const group = statusGroupOf[state.status as CaseStatus];
  if (group === 'closed') return '已办结';
  if (group === 'answered') return '已答复';
  return state.context.acknowledged || state.context.deputyIds.length > 0 ? '办理中' : '已受理';
}

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
    const caseId = caseIdByTrackingCode(await this.readModels.read('case-list'), trackingCode);
    const state = caseId === undefined ? undefined : await this.cases.engine.load(this.cases.engine.streamNameOf(caseId));
    // A matter received without a phone cannot be tracked online: there is nothing to check.
    if (!state || !phoneEndsWith(state.context.received?.constituent.phone, phone4)) {
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
      statusGroup: statusGroupOf[state.status as CaseStatus],
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
      canPress: takesCommand(state.definition, state.snapshot, 'press') && !pressedToday(c, now),
    };
  }

  /** 催办: the citizen presses the matter, at most once a day (the workflow says so). */
  async press(state: CaseState, comment: string | undefined, now: string) {
    const data = comment === undefined ? {} : { comment };
    const envelope = commandEnvelope(actorOf(citizenPrincipal), state.context.caseId, 'press', data, { now });
    return this.cases.engine.execute(envelope);
  }
}

const answeredAt = (ctx: CaseContext) => ctx.feedback?.at ?? ctx.relayedFeedback[0]?.at ?? null;
