import { appointmentCommandData, appointmentEvents, type AppointmentCommand, type AppointmentEvent } from '../../contracts/appointments.js';
import type { WorkflowDefinition } from '../engine/definition.js';
import { recordAppointmentEvent, type AppointmentContext } from './context.js';
import { appointmentCommandEvents, decideAppointment } from './decider.js';
import { appointmentMachine } from './machine.js';

export type AppointmentWorkflow = WorkflowDefinition<AppointmentContext, AppointmentCommand, AppointmentEvent>;

/** An appointment with a deputy, from the booking to the meeting (or its end before it). */
export const appointmentWorkflow: AppointmentWorkflow = {
  name: 'appointment',
  version: 1,
  category: 'appointment',
  machine: appointmentMachine,
  commands: appointmentCommandData,
  events: appointmentEvents,
  commandEvents: appointmentCommandEvents,
  // Booking is the online station's form, not an action on an existing appointment.
  unlisted: ['request'],
  decide: decideAppointment,
  evolve: recordAppointmentEvent,
};

export type { AppointmentContext, Slot } from './context.js';
export { appointmentTable } from './machine.js';
export { afterSlotStarts, appointmentCommandEvents, appointmentTrackingCode, slotStarted } from './decider.js';
export { appointmentRights, appointmentVisibility, mayRequest, type AppointmentRights, type AppointmentScope } from './permissions.js';
export { slotClaimWorkflow, slotStreamId, type SlotClaimCommand, type SlotClaimContext, type SlotClaimFacts } from './slot-claim.js';
export { offeredSlots, type OfferedSlot } from './slots.js';
