import type { Actor } from '../../contracts/actor.js';
import type { AppointmentEvent } from '../../contracts/appointments.js';
import type { Stamped } from '../engine/definition.js';

export interface Slot {
  start: string;
  end: string;
}

/** What an appointment knows after its events: everything its views and rules read. */
export interface AppointmentContext {
  requested: (Extract<AppointmentEvent, { type: 'AppointmentRequested' }>['data'] & { at: string; by: Actor }) | null;
  /** The slot now in force (moved by a reschedule). */
  slot: Slot | null;
  confirmedAt: string | null;
  declineReason: string | null;
  rescheduleReason: string | null;
  cancelled: { by: 'citizen' | 'station'; reason: string | null; at: string } | null;
  held: { heldAt: string; deputyIds: string[]; notes: string | null; caseIds: string[] } | null;
  noShowAt: string | null;
}

export const emptyAppointmentContext: AppointmentContext = {
  requested: null,
  slot: null,
  confirmedAt: null,
  declineReason: null,
  rescheduleReason: null,
  cancelled: null,
  held: null,
  noShowAt: null,
};

/** The whole next context after one event; the one action every transition runs. */
export function recordAppointmentEvent(context: AppointmentContext, event: Stamped<AppointmentEvent>): AppointmentContext {
  switch (event.type) {
    case 'AppointmentRequested':
      return { ...context, requested: { ...event.data, at: event.occurredAt, by: event.actor }, slot: event.data.slot };
    case 'AppointmentConfirmed':
      return { ...context, confirmedAt: event.occurredAt };
    case 'AppointmentDeclined':
      return { ...context, declineReason: event.data.reason };
    case 'AppointmentRescheduled':
      // A moved slot must be agreed again: the earlier confirmation no longer holds.
      return { ...context, slot: event.data.slot, rescheduleReason: event.data.reason, confirmedAt: null };
    case 'AppointmentCancelled':
      return { ...context, cancelled: { by: event.data.by, reason: event.data.reason ?? null, at: event.occurredAt } };
    case 'AppointmentHeld':
      return { ...context, held: { heldAt: event.data.heldAt, deputyIds: event.data.deputyIds, notes: event.data.notes ?? null, caseIds: event.data.caseIds } };
    case 'AppointmentNoShow':
      return { ...context, noShowAt: event.occurredAt };
    default:
      return context;
  }
}
