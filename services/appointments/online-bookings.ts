import { hash } from 'node:crypto';
import { z } from 'zod';
import { type AppointmentStatus } from '../../contracts/appointments.js';
import { bookingBody, publicCancelBody, type BookingBody } from '../../contracts/appointments-http.js';
import { CommandInvalidError, HuiyinError } from '../../contracts/errors.js';
import { citizenPrincipal } from '../../contracts/identity.js';
import { appointmentIdByCode } from '../../projections/appointments/index.js';
import { timeOrderedUuid } from '../commands/command-ids.js';
import { actorOf, commandEnvelope, fingerprintOf, type CommandRequest } from '../commands/envelope.js';
import { parsed, type AppointmentOutcome, type AppointmentService } from './appointment-service.js';
import type { AppointmentState } from './appointment-view.js';
import { CodeGuard, phoneEndsWith } from '../online-station/code-guard.js';

/** Unknown code and wrong digits answer alike, so neither says whether a code exists. */
const notFound = () => new HuiyinError('HTTP.NOT_FOUND', 'no appointment with this tracking code and phone');

/** With a key the id must be the same on every retry, so it is derived; else time-ordered like a case's. */
export function newAppointmentId(idempotencyKey: string | undefined, phone = ''): string {
  if (!idempotencyKey) return timeOrderedUuid();
  // Every citizen writes as the online station: the key is theirs by the phone they give, not shared by all.
  const h = hash('sha256', JSON.stringify(['appointment id', citizenPrincipal.sub, phone.replace(/\D/g, ''), idempotencyKey]), 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * What the online station does with appointments, as the citizen (who
 * never signs in): book a free slot, look a booking up by its code and the
 * phone's last four digits, and call it off.
 */
export class OnlineBookings {
  constructor(
    readonly appointments: AppointmentService,
    private readonly guard: CodeGuard = new CodeGuard(),
  ) {}

  async book(raw: BookingBody, request: CommandRequest): Promise<{ trackingCode: string; status: AppointmentStatus; replayed: boolean; position: number }> {
    const body = parsed(bookingBody, raw, 'request', request);
    const { engine, slots, claims, options } = this.appointments;
    const id = newAppointmentId(request.idempotencyKey, body.phone);
    const actor = actorOf(citizenPrincipal);
    const earlier = request.idempotencyKey === undefined ? undefined : await this.appointments.load(id);
    let data: object;
    if (earlier && earlier.revision >= 0) {
      // A retry: the slot is its own now, so it is no longer offered; the log answers it.
      const { appointmentId: _id, trackingCode: _code, at: _at, by: _by, ...first } = earlier.context.requested!;
      data = first;
    } else {
      const slot = await slots.slotAt(body.deputyId, body.start, request.now);
      if (!slot) throw await this.#refusal(body.deputyId);
      const station = await options.directory.station(slot.stationId);
      if (!station) throw new CommandInvalidError('request', [{ path: 'data.start', message: 'this slot\'s station is no longer listed' }]);
      await claims.claim(actor, { deputyId: body.deputyId, start: slot.start, appointmentId: id, revision: -1 }, request.now, 'data.start');
      data = {
        deputyId: body.deputyId,
        stationId: station.id,
        areaCode: station.areaCode,
        slot: { start: slot.start, end: slot.end },
        citizen: { name: body.name, phone: body.phone },
        topic: body.topic,
      };
    }
    const envelope = commandEnvelope(actor, id, 'request', data, request);
    if (envelope.fingerprint !== undefined) envelope.fingerprint = fingerprintOf(id, 'request', body);
    const result = await engine.execute(envelope, { newStream: request.idempotencyKey === undefined });
    const requested = result.state.context.requested!;
    return { trackingCode: requested.trackingCode, status: result.replayed ? 'requested' : (result.state.status as AppointmentStatus), replayed: result.replayed, position: result.position };
  }

  async #refusal(deputyId: string): Promise<CommandInvalidError> {
    if (!(await this.appointments.options.directory.deputy(deputyId))) return new CommandInvalidError('request', [{ path: 'data.deputyId', message: 'no such deputy' }]);
    return new CommandInvalidError('request', [
      { path: 'data.start', message: `not a free slot of this deputy: see GET /api/public/deputies/${deputyId}/slots` },
    ]);
  }

  /** The appointment with this code whose phone ends in these digits; else 404, the same for either mistake. */
  async find(trackingCode: string, phone4: string): Promise<AppointmentState> {
    this.guard.check(trackingCode);
    const db = await this.appointments.options.readModels.read('appointments');
    const id = appointmentIdByCode(db, trackingCode);
    const state = id === undefined ? undefined : await this.appointments.load(id);
    const phone = state?.context.requested?.citizen.phone;
    if (!state || phone === undefined || !phoneEndsWith(phone, phone4)) {
      this.guard.wrong(trackingCode);
      throw notFound();
    }
    return state;
  }

  /** What the citizen sees: status, slot, where and with whom. */
  async publicView(state: AppointmentState) {
    const { directory } = this.appointments.options;
    const requested = state.context.requested!;
    const [station, deputy] = await Promise.all([directory.station(requested.stationId), directory.deputy(requested.deputyId)]);
    return {
      trackingCode: requested.trackingCode,
      status: state.status as AppointmentStatus,
      slot: state.context.slot!,
      stationName: station?.name ?? requested.stationId,
      deputyName: deputy?.name ?? requested.deputyId,
    };
  }

  async cancel(trackingCode: string, phone4: string, body: z.input<typeof publicCancelBody> | null | undefined, request: CommandRequest): Promise<AppointmentOutcome> {
    const state = await this.find(trackingCode, phone4);
    return this.appointments.act(citizenPrincipal, state.context.requested!.appointmentId, 'cancel', body ?? {}, request, true);
  }
}
