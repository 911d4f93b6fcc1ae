import type { CaseView } from '../../contracts/case/view.js';
import { statusGroupOf, type CaseStatus } from '../../contracts/case/vocabulary.js';
import type { CaseContext } from '../../workflows/case/context.js';
import type { CaseRights, CaseScope } from '../../workflows/case/permissions.js';
import type { FoldedStream } from '../../workflows/engine/fold.js';

/** What the permission matrix needs to know about a case. */
export function scopeOf(context: CaseContext): CaseScope {
  return {
    stationId: context.received?.stationId ?? '',
    areaCode: context.received?.areaCode ?? '',
    deputyIds: context.deputyIds,
  };
}

/**
 * The case as a client sees it (contracts/case/view.ts): identity, status,
 * the data the workflow has gathered, and the actions the workflow allows
 * now within the caller's rights. After a command it also carries
 * `position`; it is part of this one literal (see docs/performance.md).
 */
export function caseView(
  state: FoldedStream<CaseContext>,
  allowed: readonly string[],
  rights: CaseRights,
  position?: number,
): CaseView {
  const c = state.context;
  const status = state.status as CaseStatus;
  const received = c.received!;
  return {
    id: c.caseId,
    trackingCode: c.trackingCode,
    status,
    statusGroup: statusGroupOf[status],
    workflowVersion: state.definition.version,
    revision: state.revision,
    stationId: received.stationId,
    areaCode: received.areaCode,
    channel: received.channel,
    category: received.category,
    categoryName: received.categoryName,
    summary: received.summary,
    urgency: received.urgency,
    constituent: received.constituent,
    location: received.location ?? null,
    receivedAt: received.receivedAt,
    recordedAt: received.at,
    receivedBy: received.by,
    receptionDeputyIds: received.receptionDeputyIds,
    replyDueBy: c.replyDueBy ?? received.replyDueBy,
    deputyIds: c.deputyIds,
    escalated: c.escalations.length > 0,
    accepted: c.accepted,
    acknowledged: c.acknowledged,
    siteCheck: c.siteCheck,
    referrals: c.referrals,
    progressNotes: c.progressNotes,
    resolution: c.resolution,
    declined: c.declined,
    feedback: c.feedback,
    followUp: c.followUp,
    closed: c.closed,
    reopenings: c.reopenings,
    withdrawn: c.withdrawn,
    mergedInto: c.mergedInto,
    mergedCases: c.mergedCases,
    relayedFeedback: c.relayedFeedback,
    escalations: c.escalations,
    notes: c.notes,
    presses: c.presses,
    timers: c.timers as CaseView['timers'],
    wentOverdue: c.wentOverdue,
    lastActivityAt: c.lastActivityAt,
    allowedActions: allowed.filter((action) => (rights.actions as ReadonlySet<string>).has(action)),
    position,
  };
}
