import { assign, setup } from 'xstate';
import type { AppointmentEvent, AppointmentEventType, AppointmentStatus } from '../../contracts/appointments.js';
import type { Stamped } from '../engine/definition.js';
import { emptyAppointmentContext, recordAppointmentEvent, type AppointmentContext } from './context.js';

export type AppointmentTable = Record<'new' | AppointmentStatus, Partial<Record<AppointmentEventType, AppointmentStatus>>>;

/**
 * Where each event takes an appointment. A rescheduled slot is confirmed
 * again by the station (after agreeing the new time with the citizen by
 * phone): the citizen never signs in, so waiting for them to accept online
 * would leave most moved appointments hanging. A confirmed appointment may
 * be moved too (the deputy fell ill); cancelling is possible until it is held.
 */
export const appointmentTable: AppointmentTable = {
  new: { AppointmentRequested: 'requested' },
  requested: {
    AppointmentConfirmed: 'confirmed',
    AppointmentDeclined: 'declined',
    AppointmentRescheduled: 'rescheduled',
    AppointmentCancelled: 'cancelled',
  },
  rescheduled: {
    AppointmentConfirmed: 'confirmed',
    AppointmentDeclined: 'declined',
    AppointmentRescheduled: 'rescheduled',
    AppointmentCancelled: 'cancelled',
  },
  confirmed: {
    AppointmentRescheduled: 'rescheduled',
    AppointmentHeld: 'held',
    AppointmentNoShow: 'no-show',
    AppointmentCancelled: 'cancelled',
  },
  declined: {},
  cancelled: {},
  held: {},
  'no-show': {},
};

/** The machine from the table: every transition runs the single `record` action. */
export const appointmentMachine = setup({
  types: { context: {} as AppointmentContext, events: {} as Stamped<AppointmentEvent> },
  actions: { record: assign(({ context, event }) => recordAppointmentEvent(context, event)) },
}).createMachine({
  id: 'appointment-v1',
  initial: 'new',
  context: emptyAppointmentContext,
  states: Object.fromEntries(
    Object.entries(appointmentTable).map(([status, moves]) => [
      status,
      { on: Object.fromEntries(Object.entries(moves).map(([event, target]) => [event, { target, actions: 'record' as const }])) },
    ]),
  ),
});
