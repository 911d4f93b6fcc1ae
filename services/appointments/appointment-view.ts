import type { AppointmentAction, AppointmentCommand, AppointmentEvent, AppointmentStatus } from '../../contracts/appointments.js';
import type { AppointmentView } from '../../contracts/appointments-http.js';
import { HuiyinError } from '../../contracts/errors.js';
import { afterSlotStarts, slotStarted, type AppointmentContext, type AppointmentRights, type AppointmentScope } from '../../workflows/appointment/index.js';
import type { FoldedStream } from '../../workflows/engine/fold.js';

export type AppointmentState = FoldedStream<AppointmentContext, AppointmentCommand, AppointmentEvent>;

export const appointmentNotFound = (id: string) => new HuiyinError('HTTP.NOT_FOUND', `no appointment ${id}`, { appointmentId: id });

/** What the rights are asked of; an appointment not yet written has none (and is not found). */
export function scopeOf(state: AppointmentState): AppointmentScope | undefined {
  const requested = state.context.requested;
  return requested ? { stationId: requested.stationId, areaCode: requested.areaCode, deputyId: requested.deputyId } : undefined;
}

/**
 * What the caller may do now: what the status takes, what their rights
 * allow, and nothing that records the meeting before the slot starts.
 */
export function actionsNow(workflowAllows: readonly string[], rights: AppointmentRights, state: AppointmentState, now: string): AppointmentAction[] {
  const started = slotStarted(state.context, now);
  return workflowAllows.filter(
    (action): action is AppointmentAction =>
      rights.actions.has(action as AppointmentAction) && (started || !afterSlotStarts.has(action as AppointmentAction)),
  );
}

export function appointmentView(state: AppointmentState, allowedActions: AppointmentAction[], position?: number): AppointmentView {
  const c = state.context;
  const requested = c.requested!;
  const view: AppointmentView = {
    id: requested.appointmentId,
    trackingCode: requested.trackingCode,
    status: state.status as AppointmentStatus,
    revision: state.revision,
    deputyId: requested.deputyId,
    stationId: requested.stationId,
    areaCode: requested.areaCode,
    slot: c.slot!,
    citizen: requested.citizen,
    topic: requested.topic,
    requestedAt: requested.at,
    confirmedAt: c.confirmedAt,
    declineReason: c.declineReason,
    rescheduleReason: c.rescheduleReason,
    cancelled: c.cancelled,
    held: c.held,
    noShowAt: c.noShowAt,
    allowedActions,
  };
  if (position !== undefined) view.position = position;
  return view;
}
