import { z } from 'zod';
import { areaPrefix } from './area.js';
import { appointmentActions, appointmentStatuses, citizenPhone } from './appointments.js';
import { entryId } from './ids.js';
import { pageOf, pageQuery } from './read-side.js';
import { line, text } from './text.js';
import { instantInput } from './time.js';

/** The appointments API's shapes: the online station's form and views, the slots, and the staff's view and lists. */
const str = z.string();
const reason = text(1000);
const slot = z.strictObject({ start: str, end: str });

/** `POST /api/public/appointments`: what the online station's form asks. */
export const bookingBody = z.strictObject({
  deputyId: entryId,
  start: instantInput,
  name: line(100),
  phone: citizenPhone,
  topic: text(1000),
});
export type BookingBody = z.output<typeof bookingBody>;
/** Only what the citizen needs to follow the booking: nothing they did not send comes back. */
export const bookingAnswer = z.object({ trackingCode: str, status: z.enum(appointmentStatuses) });

/** Codes read out over the phone: case-insensitive, no 0/O, 1/I/L. */
export const appointmentCodeParams = z.strictObject({
  trackingCode: z
    .string()
    .transform((code) => code.toUpperCase())
    .pipe(z.string().regex(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/, 'a tracking code like 7QK4-M2XP')),
});
export const phone4Query = z.strictObject({ phone4: z.string().regex(/^[0-9]{4}$/, 'the last four digits of the phone') });
export const publicCancelBody = z.strictObject({ reason: reason.optional() });

/** The online station's view: no phone, no name, no topic. */
export const publicAppointmentView = z.object({
  trackingCode: str,
  status: z.enum(appointmentStatuses),
  slot,
  stationName: str,
  deputyName: str,
});

export const slotsParams = z.strictObject({ id: entryId });
export const slotsQuery = z.strictObject({ from: instantInput.optional(), to: instantInput.optional() });
export const slotView = z.object({ start: str, end: str, stationId: str, stationName: str });
export const slotsAnswer = z.object({ deputyId: str, slots: z.array(slotView) });

export const appointmentIdParams = z.strictObject({ id: z.uuid().describe('an appointment id') });

/** The staff view: everything the appointment knows, and what the caller may do now. */
export const appointmentView = z.object({
  id: str,
  trackingCode: str,
  status: z.enum(appointmentStatuses),
  revision: z.number().int(),
  deputyId: str,
  stationId: str,
  areaCode: str,
  slot,
  citizen: z.object({ name: str, phone: str }),
  topic: str,
  requestedAt: str,
  confirmedAt: str.nullable(),
  declineReason: str.nullable(),
  rescheduleReason: str.nullable(),
  cancelled: z.object({ by: z.enum(['citizen', 'station']), reason: str.nullable(), at: str }).nullable(),
  held: z.object({ heldAt: str, deputyIds: z.array(str), notes: str.nullable(), caseIds: z.array(str) }).nullable(),
  noShowAt: str.nullable(),
  allowedActions: z.array(z.enum(appointmentActions)),
  /** Log position of the command that answered (read-your-writes). */
  position: z.number().int().optional(),
});
export type AppointmentView = z.infer<typeof appointmentView>;

export const appointmentListQuery = pageQuery.extend({
  station: entryId.optional(),
  deputy: entryId.optional(),
  area: areaPrefix.optional(),
  status: z.enum(appointmentStatuses).optional(),
  /** Slots starting in [from, to). */
  from: instantInput.optional(),
  to: instantInput.optional(),
});
/** Which appointments a caller's lists show (workflows/appointment/permissions.ts says whose). */
export type AppointmentVisibility =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'area'; areaPrefix: string }
  | { kind: 'stations'; stationIds: readonly string[] }
  | { kind: 'deputy'; deputyId: string };
export const appointmentListItem = z.object({
  id: str,
  trackingCode: str,
  status: z.enum(appointmentStatuses),
  deputyId: str,
  stationId: str,
  areaCode: str,
  slot,
  citizenName: str,
  topic: str,
});
export type AppointmentListItem = z.infer<typeof appointmentListItem>;
export const appointmentPage = pageOf(appointmentListItem);
