import { assign, setup } from 'xstate';
import { z } from 'zod';
import { slotClaimEvents, type SlotClaimEvent } from '../../contracts/appointments.js';
import { CommandInvalidError } from '../../contracts/errors.js';
import { entryId } from '../../contracts/ids.js';
import type { DecideContext, Stamped, WorkflowDefinition, WorkflowState } from '../engine/definition.js';

/**
 * Who holds one slot of one deputy: stream `appointment-slot-<deputy>-<start>`.
 *
 * Why a stream and not a check of the read model: the read model lags the
 * log and every instance reads its own, so two requests for one slot could
 * both find it free and both be written. A claim is appended under the
 * stream's expected revision (none at all for a first claim), so of two
 * racing claims the store takes exactly one; the other reloads, finds the
 * slot held and is refused. A slot is never released by an event of its
 * own: the appointment stream stays the one record of who has which slot,
 * and a claim may take over a slot whose holder no longer keeps it
 * (declined, cancelled, moved away, or never written) — the service checks
 * that holder and says so in `facts`, naming it, so a decision made on a
 * newer claim than the one checked is still refused.
 */
export interface SlotClaimContext {
  appointmentId: string | null;
  claimedAt: string | null;
}
export type SlotClaimCommand = { type: 'claim'; data: { deputyId: string; start: string; appointmentId: string } };
/** The appointment the service found no longer keeping this slot, when it holds one. */
export interface SlotClaimFacts {
  released?: string;
}

export const slotStreamId = (deputyId: string, start: string) => `slot-${deputyId}-${start}`;

const machine = setup({
  types: { context: {} as SlotClaimContext, events: {} as Stamped<SlotClaimEvent> },
  actions: { record: assign(({ event }) => ({ appointmentId: event.data.appointmentId, claimedAt: event.occurredAt })) },
}).createMachine({
  id: 'appointment-slot-v1',
  initial: 'free',
  context: { appointmentId: null, claimedAt: null },
  states: {
    free: { on: { AppointmentSlotClaimed: { target: 'claimed', actions: 'record' } } },
    claimed: { on: { AppointmentSlotClaimed: { actions: 'record' } } },
  },
});

function decideClaim(command: SlotClaimCommand, state: WorkflowState<SlotClaimContext>, context: DecideContext): SlotClaimEvent[] {
  const holder = state.context.appointmentId;
  if (holder === command.data.appointmentId) return [];
  const released = (context.facts as SlotClaimFacts | undefined)?.released;
  if (holder !== null && released !== holder) {
    throw new CommandInvalidError('claim', [{ path: 'data.start', message: 'this slot has just been taken: choose another' }]);
  }
  return [{ type: 'AppointmentSlotClaimed', data: command.data }];
}

export const slotClaimWorkflow: WorkflowDefinition<SlotClaimContext, SlotClaimCommand, SlotClaimEvent> = {
  name: 'appointment-slot',
  version: 1,
  category: 'appointment',
  machine,
  commands: { claim: z.strictObject({ deputyId: entryId, start: z.string(), appointmentId: z.string() }) },
  events: slotClaimEvents,
  commandEvents: { claim: 'AppointmentSlotClaimed' },
  unlisted: ['claim'],
  decide: decideClaim,
};
