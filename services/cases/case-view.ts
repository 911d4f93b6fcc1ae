import type { AnyMachineSnapshot } from 'xstate';
import type { CaseContext } from '../../workflows/case/context.js';
import { statusGroup } from '../../workflows/case/machine.js';
import type { CaseScope } from '../../workflows/case/permissions.js';

/** What permission checks need to know about a case. */
export function scopeOf(snapshot: AnyMachineSnapshot): CaseScope {
  const context = snapshot.context as CaseContext;
  return {
    stationId: context.received?.stationId ?? '',
    areaCode: context.received?.areaCode ?? '',
    deputyIds: context.deputyIds,
  };
}

/**
 * The case as a client sees it: identity, status, the data the workflow has
 * gathered, and the actions this caller may take now. After a command it
 * also carries `position`, the log position of the last event written; it
 * is part of this one literal (JSON leaves it out while undefined) because
 * copying the view to add it cost more than building the view.
 */
export function caseView(snapshot: AnyMachineSnapshot, revision: number, allowedActions: string[], position?: number) {
  const c = snapshot.context as CaseContext;
  const status = String(snapshot.value);
  const received = c.received!;
  return {
    id: c.caseId,
    trackingCode: c.trackingCode,
    status,
    statusGroup: statusGroup(status),
    revision,
    stationId: received.stationId,
    areaCode: received.areaCode,
    channel: received.channel,
    category: received.category,
    summary: received.summary,
    urgency: received.urgency,
    constituent: received.constituent,
    location: received.location ?? null,
    receivedAt: received.at,
    receivedBy: received.by,
    replyDueBy: received.replyDueBy,
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
    escalations: c.escalations,
    notes: c.notes,
    lastActivityAt: c.lastActivityAt,
    allowedActions,
    position,
  };
}

export type CaseView = ReturnType<typeof caseView>;
