import type { Actor } from '../../contracts/actor.js';
import { slotHoldingStatuses, type AppointmentCommand, type AppointmentEvent, type AppointmentStatus, type SlotClaimEvent } from '../../contracts/appointments.js';
import { CommandInvalidError } from '../../contracts/errors.js';
import type { EventStore } from '../../contracts/event-store.js';
import {
  slotClaimWorkflow,
  slotStreamId,
  type AppointmentContext,
  type SlotClaimCommand,
  type SlotClaimContext,
  type SlotClaimFacts,
} from '../../workflows/appointment/index.js';
import { WorkflowEngine } from '../../workflows/engine/engine.js';
import type { FoldedStream } from '../../workflows/engine/fold.js';
import { commandEnvelope } from '../commands/envelope.js';

type AppointmentState = FoldedStream<AppointmentContext, AppointmentCommand, AppointmentEvent>;

/**
 * How long a claim whose appointment was never written still holds its
 * slot: the appointment is written right after its claim, so one not there
 * a minute later never will be (its request failed or was abandoned).
 */
const UNWRITTEN_GRACE_MS = 60_000;

/** The field a lost slot is refused on, as the caller named it. */
export const slotTaken = (command: string, path: string) =>
  new CommandInvalidError(command, [{ path, message: 'this slot is not free: choose another from the deputy\'s slots' }]);

/**
 * Claims a slot for an appointment before the appointment records it (see
 * workflows/appointment/slot-claim.ts for why a stream of its own).
 */
export class SlotClaims {
  readonly engine: WorkflowEngine<SlotClaimContext, SlotClaimCommand, SlotClaimEvent>;

  constructor(
    store: EventStore,
    readonly loadAppointment: (appointmentId: string) => Promise<AppointmentState>,
  ) {
    this.engine = new WorkflowEngine(store, slotClaimWorkflow);
  }

  /**
   * The slot is this appointment's once this returns; a slot another
   * appointment keeps is refused naming `path`. Claiming is keyed by the
   * appointment and its revision, so a retried request claims once and a
   * later move back to the same slot claims afresh.
   */
  async claim(actor: Actor, claim: { deputyId: string; start: string; appointmentId: string; revision: number }, now: string, path: string): Promise<void> {
    const { deputyId, start, appointmentId } = claim;
    const streamId = slotStreamId(deputyId, start);
    const seen = (await this.engine.load(this.engine.streamNameOf(streamId))).context;
    const facts: SlotClaimFacts = {};
    if (seen.appointmentId !== null && seen.appointmentId !== appointmentId && (await this.#letGo(seen.appointmentId, deputyId, start, seen.claimedAt, now))) {
      facts.released = seen.appointmentId;
    }
    const key = JSON.stringify(['slot claim', appointmentId, claim.revision]);
    const envelope = commandEnvelope(actor, streamId, 'claim', { deputyId, start, appointmentId }, { now, idempotencyKey: key });
    try {
      const result = await this.engine.execute(envelope, { facts });
      // A replayed claim may have been taken over since: only the holder now counts.
      if (result.state.context.appointmentId !== appointmentId) throw slotTaken('claim', path);
    } catch (error) {
      if (error instanceof CommandInvalidError && error.commandType === 'claim') throw slotTaken(error.commandType, path);
      throw error;
    }
  }

  /** Whether the holder no longer keeps this slot: ended, moved away, or never written. */
  async #letGo(holderId: string, deputyId: string, start: string, claimedAt: string | null, now: string): Promise<boolean> {
    const holder = await this.loadAppointment(holderId);
    if (holder.revision < 0) return claimedAt !== null && Date.parse(now) - Date.parse(claimedAt) > UNWRITTEN_GRACE_MS;
    const { slot, requested } = holder.context;
    return !slotHoldingStatuses.includes(holder.status as AppointmentStatus) || slot?.start !== start || requested?.deputyId !== deputyId;
  }
}
