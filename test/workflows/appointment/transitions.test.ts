import t from 'tap';
import { appointmentStatuses, type AppointmentEventType, type AppointmentStatus } from '../../../contracts/appointments.js';
import { accepted, appointmentSpec, commandOf, historyFor, now, refused, staff } from './fixtures/appointment-spec.js';

/**
 * The rules written out a second time, apart from the machine's table:
 * what each status takes, and where each command leads.
 */
const takes: Record<'new' | AppointmentStatus, (keyof typeof commandOf)[]> = {
  new: ['request'],
  requested: ['confirm', 'decline', 'reschedule', 'cancel'],
  rescheduled: ['confirm', 'decline', 'reschedule', 'cancel'],
  confirmed: ['reschedule', 'hold', 'no-show', 'cancel'],
  declined: [],
  cancelled: [],
  held: [],
  'no-show': [],
};
const leadsTo: Record<keyof typeof commandOf, [AppointmentEventType, AppointmentStatus]> = {
  request: ['AppointmentRequested', 'requested'],
  confirm: ['AppointmentConfirmed', 'confirmed'],
  decline: ['AppointmentDeclined', 'declined'],
  reschedule: ['AppointmentRescheduled', 'rescheduled'],
  hold: ['AppointmentHeld', 'held'],
  'no-show': ['AppointmentNoShow', 'no-show'],
  cancel: ['AppointmentCancelled', 'cancelled'],
};

t.test('the statuses of the spec are the contract statuses', async (t) => {
  t.same(Object.keys(takes).filter((s) => s !== 'new').sort(), [...appointmentStatuses].sort());
});

for (const [status, allowed] of Object.entries(takes) as [keyof typeof takes, (keyof typeof commandOf)[]][]) {
  for (const command of Object.keys(commandOf) as (keyof typeof commandOf)[]) {
    const spec = appointmentSpec(historyFor[status], { occurredAt: now, actor: staff });
    if (allowed.includes(command)) {
      t.test(`appointment workflow › when ${status} › ${command} is taken`, async (t) => {
        const before = spec.before.status;
        t.equal(before, status, `given a ${status} appointment`);
        const outcome = spec.when(commandOf[command]);
        const [type, next] = leadsTo[command];
        accepted(t, outcome, type);
        t.equal(outcome.decision?.after.status, next, `then it is ${next}`);
      });
    } else {
      t.test(`appointment workflow › when ${status} › ${command} is refused`, async (t) => {
        const error = refused(t, spec.when(commandOf[command]), 'WORKFLOW.ILLEGAL_TRANSITION');
        t.same([...(error.details.allowedActions as string[])].sort(), allowed.filter((c) => c !== 'request').sort(), 'naming what it allows');
      });
    }
  }
}
