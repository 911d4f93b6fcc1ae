import t from 'tap';
import { slotClaimWorkflow } from '../../../workflows/appointment/index.js';
import { appointmentTrackingCode } from '../../../workflows/appointment/index.js';
import { workflowSpec } from '../../support/workflow-spec.js';
import { accepted, appointmentSpec, bookedSlot, citizen, commandOf, historyFor, laterSlot, now, refused, shift, staff } from './fixtures/appointment-spec.js';

const early = shift(bookedSlot.start, -1);

t.test('appointment workflow › when confirmed › refuses hold and no-show a moment before the slot starts', async (t) => {
  for (const command of [commandOf.hold, commandOf['no-show']]) {
    const error = refused(t, appointmentSpec(historyFor.confirmed, { occurredAt: early }).when(command), 'WORKFLOW.ILLEGAL_TRANSITION');
    t.equal(error.details.startsAt, bookedSlot.start, 'saying when the slot starts');
  }
  accepted(t, appointmentSpec(historyFor.confirmed, { occurredAt: bookedSlot.start }).when(commandOf['no-show']), 'AppointmentNoShow');
});

t.test('appointment workflow › when confirmed › records who met the citizen and when', async (t) => {
  const data = { heldAt: shift(bookedSlot.start, 5), deputyIds: ['dep-li', 'dep-wen'], notes: 'Came with her neighbour', caseIds: ['case-1'] };
  const event = accepted(t, appointmentSpec(historyFor.confirmed, { occurredAt: now }).when({ type: 'hold', data }), 'AppointmentHeld');
  t.same(event?.data, data);
});

t.test('appointment workflow › when confirmed › refuses a meeting dated in the future', async (t) => {
  const data = { heldAt: shift(now, 1), deputyIds: ['dep-li'], caseIds: [] };
  refused(t, appointmentSpec(historyFor.confirmed, { occurredAt: now }).when({ type: 'hold', data }), 'COMMAND.INVALID', ['data.heldAt']);
});

t.test('appointment workflow › when new › a request derives the tracking code from the appointment id', async (t) => {
  const outcome = appointmentSpec([], { occurredAt: now, streamId: 'appt-7', actor: citizen }).when(commandOf.request);
  const event = accepted(t, outcome, 'AppointmentRequested');
  t.match(event?.data, { appointmentId: 'appt-7', trackingCode: appointmentTrackingCode('appt-7'), slot: laterSlot });
  t.match(appointmentTrackingCode('appt-7'), /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  t.not(appointmentTrackingCode('appt-7'), appointmentTrackingCode('appt-8'));
});

t.test('appointment workflow › when new › refuses a slot that has started or ends before it starts', async (t) => {
  const past = { ...commandOf.request, data: { ...commandOf.request.data, slot: { start: bookedSlot.start, end: shift(bookedSlot.start, -30) } } };
  refused(t, appointmentSpec([], { occurredAt: now }).when(past), 'COMMAND.INVALID', ['data.slot.start', 'data.slot.end']);
});

t.test('appointment workflow › when new › refuses a phone with too few digits, naming it', async (t) => {
  const data = { ...commandOf.request.data, citizen: { name: 'Hu', phone: '12-34' } };
  refused(t, appointmentSpec([], { occurredAt: now }).when({ type: 'request', data }), 'COMMAND.INVALID', ['data.citizen.phone']);
});

t.test('appointment workflow › when requested › refuses moving to the slot it already has or one already begun', async (t) => {
  const spec = appointmentSpec(historyFor.requested, { occurredAt: shift(bookedSlot.start, -60) });
  refused(t, spec.when({ type: 'reschedule', data: { slot: bookedSlot, reason: 'Same' } }), 'COMMAND.INVALID', ['data.slot.start']);
  const begun = { start: shift(bookedSlot.start, -90), end: shift(bookedSlot.start, -60) };
  refused(t, spec.when({ type: 'reschedule', data: { slot: begun, reason: 'Earlier' } }), 'COMMAND.INVALID', ['data.slot.start']);
});

t.test('appointment workflow › when confirmed › a moved slot needs confirming again', async (t) => {
  const outcome = appointmentSpec(historyFor.confirmed, { occurredAt: now }).when(commandOf.reschedule);
  accepted(t, outcome, 'AppointmentRescheduled');
  t.equal(outcome.decision?.after.context.confirmedAt, null);
  t.same(outcome.decision?.after.context.slot, laterSlot);
});

t.test('appointment workflow › when requested › cancelling records whether the citizen or the station called it off', async (t) => {
  const byCitizen = accepted(t, appointmentSpec(historyFor.requested, { actor: citizen }).when({ type: 'cancel', data: { reason: 'Solved' } }), 'AppointmentCancelled');
  t.same(byCitizen?.data, { by: 'citizen', reason: 'Solved' });
  const byStation = accepted(t, appointmentSpec(historyFor.requested, { actor: staff }).when(commandOf.cancel), 'AppointmentCancelled');
  t.same(byStation?.data, { by: 'station' });
});

const slotSpec = workflowSpec(slotClaimWorkflow);
const claim = (appointmentId: string) => ({ type: 'claim', data: { deputyId: 'dep-li', start: laterSlot.start, appointmentId } });
const claimedBy = (appointmentId: string) => [{ type: 'AppointmentSlotClaimed', data: claim(appointmentId).data }];

t.test('slot claim › when free › the first claim takes it', async (t) => {
  const outcome = slotSpec([]).when(claim('a-1'));
  t.same(outcome.decision?.events, claimedBy('a-1'));
});

t.test('slot claim › when claimed › another appointment is refused, naming the start', async (t) => {
  const outcome = slotSpec(claimedBy('a-1')).when(claim('a-2'));
  t.same((outcome.error as { issues?: unknown }).issues, [{ path: 'data.start', message: 'this slot has just been taken: choose another' }]);
});

t.test('slot claim › when claimed › the holder claiming again changes nothing', async (t) => {
  t.same(slotSpec(claimedBy('a-1')).when(claim('a-1')).decision?.events, []);
});

t.test('slot claim › when claimed › a holder found letting go is taken over, but only that holder', async (t) => {
  t.same(slotSpec(claimedBy('a-1'), { facts: { released: 'a-1' } }).when(claim('a-2')).decision?.events, claimedBy('a-2'));
  t.ok(slotSpec(claimedBy('a-3'), { facts: { released: 'a-1' } }).when(claim('a-2')).error, 'a release of an older holder does not count');
});
