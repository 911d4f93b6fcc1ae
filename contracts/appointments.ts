import { z } from 'zod';
import { receiveBody, categoryCode } from './case/commands.js';
import { eventContract } from './event-contract.js';
import { entryId } from './ids.js';
import { distinctIds, line, text } from './text.js';
import { instantInput } from './time.js';

/**
 * An appointment with a deputy (预约代表): stream `appointment-<id>`. A
 * citizen books one of the deputy's 30-minute slots at a reception; the
 * station confirms, declines or moves it; after the slot starts it was held
 * (and may have raised cases) or the citizen did not come. A slot is held
 * by one appointment at a time through a stream of its own,
 * `appointment-slot-<deputy>-<start>` (see workflows/appointment/slot-claim.ts).
 */
const str = z.string();
export const SLOT_MINUTES = 30;
export const appointmentStatuses = ['requested', 'confirmed', 'rescheduled', 'declined', 'cancelled', 'held', 'no-show'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];
/** Statuses in which the appointment keeps its slot from other citizens. */
export const slotHoldingStatuses: readonly AppointmentStatus[] = ['requested', 'confirmed', 'rescheduled'];

const slot = z.strictObject({ start: str, end: str });

/** The appointment's own events: what its workflow folds. */
export const appointmentEvents = {
  AppointmentRequested: eventContract(
    z.strictObject({
      appointmentId: str,
      trackingCode: str,
      deputyId: str,
      stationId: str,
      areaCode: str,
      /** ISO-8601 UTC instants. */
      slot,
      citizen: z.strictObject({ name: str, phone: str }),
      topic: str,
    }),
  ),
  AppointmentConfirmed: eventContract(z.strictObject({ note: str.optional() })),
  AppointmentDeclined: eventContract(z.strictObject({ reason: str })),
  /** The station moved the slot; the appointment waits for the station to confirm it again. */
  AppointmentRescheduled: eventContract(z.strictObject({ slot, reason: str })),
  AppointmentCancelled: eventContract(z.strictObject({ by: z.enum(['citizen', 'station']), reason: str.optional() })),
  /** Read by 三个一 and the duty diary: when the meeting happened (ISO UTC) and which deputies met the citizen. */
  AppointmentHeld: eventContract(z.strictObject({ heldAt: str, deputyIds: z.array(str), notes: str.optional(), caseIds: z.array(str) })),
  AppointmentNoShow: eventContract(z.strictObject({ note: str.optional() })),
} as const;

/** The one event of a slot's stream: this appointment holds the slot now. */
export const slotClaimEvents = {
  AppointmentSlotClaimed: eventContract(z.strictObject({ deputyId: str, start: str, appointmentId: str })),
} as const;

/** Every event stored in `appointment-…` streams (the schema lock's family). */
export const appointmentEventContracts = { ...appointmentEvents, ...slotClaimEvents } as const;

type EventsOf<T extends Record<string, { schema: z.ZodType }>> = {
  [K in keyof T & string]: { type: K; data: z.output<T[K]['schema']> };
}[keyof T & string];
export type AppointmentEvent = EventsOf<typeof appointmentEvents>;
export type AppointmentEventType = AppointmentEvent['type'];
export type SlotClaimEvent = EventsOf<typeof slotClaimEvents>;

/** A phone the station can call back, with enough digits for its last four to identify a booking. */
export const citizenPhone = receiveBody.shape.constituent.shape.phone
  .unwrap()
  .refine((phone) => phone.replace(/\D/g, '').length >= 7, {
    message: 'at least 7 digits',
    // Said only of a phone that is otherwise well formed: one problem per field.
    when: (payload) => payload.issues.length === 0,
  });

const reason = text(1000);
const note = text(2000).optional();
const slotInput = z.strictObject({ start: instantInput, end: instantInput });

/** A matter raised at a held appointment: it becomes a case. */
export const appointmentMatter = z.strictObject({ category: categoryCode, summary: text(2000), location: line(500).optional() });

/** Bodies of `POST /api/appointments/{id}/{action}`. */
export const appointmentActionBodies = {
  confirm: z.strictObject({ note }),
  decline: z.strictObject({ reason }),
  /** `start`: one of the deputy's free slots at this appointment's station. */
  reschedule: z.strictObject({ start: instantInput, reason }),
  hold: z.strictObject({
    /** When the meeting happened; defaults to the slot's start. */
    heldAt: instantInput.optional(),
    /** The deputies present; defaults to the appointment's deputy. */
    deputyIds: distinctIds(20, 'deputy ids').optional(),
    notes: text(4000).optional(),
    matters: z.array(appointmentMatter).max(10).optional(),
  }),
  'no-show': z.strictObject({ note }),
  cancel: z.strictObject({ reason: reason.optional() }),
} as const;
export type AppointmentAction = keyof typeof appointmentActionBodies;
export const appointmentActions = Object.keys(appointmentActionBodies) as AppointmentAction[];

/** What each command carries once the service has looked up the slot, the station and the cases. */
export const appointmentCommandData = {
  request: z.strictObject({
    deputyId: entryId,
    stationId: entryId,
    areaCode: str,
    slot: slotInput,
    citizen: z.strictObject({ name: line(100), phone: citizenPhone }),
    topic: text(1000),
  }),
  confirm: appointmentActionBodies.confirm,
  decline: appointmentActionBodies.decline,
  reschedule: z.strictObject({ slot: slotInput, reason }),
  hold: z.strictObject({ heldAt: instantInput, deputyIds: distinctIds(20, 'deputy ids'), notes: text(4000).optional(), caseIds: z.array(str).max(10) }),
  'no-show': appointmentActionBodies['no-show'],
  cancel: appointmentActionBodies.cancel,
} as const;
export type AppointmentCommandType = keyof typeof appointmentCommandData;
export type AppointmentCommand = {
  [K in AppointmentCommandType]: { type: K; data: z.output<(typeof appointmentCommandData)[K]> };
}[AppointmentCommandType];
