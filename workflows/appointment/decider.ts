import type { AppointmentCommand, AppointmentCommandType, AppointmentEvent, AppointmentEventType } from '../../contracts/appointments.js';
import { CommandInvalidError, HuiyinError, type FieldIssue } from '../../contracts/errors.js';
import type { DecideContext, WorkflowState } from '../engine/definition.js';
import { trackingCodeFor } from '../case/tracking-code.js';
import type { AppointmentContext } from './context.js';

/** The event each command produces. A Record, so a new command cannot be forgotten here. */
export const appointmentCommandEvents: Record<AppointmentCommandType, AppointmentEventType> = {
  request: 'AppointmentRequested',
  confirm: 'AppointmentConfirmed',
  decline: 'AppointmentDeclined',
  reschedule: 'AppointmentRescheduled',
  hold: 'AppointmentHeld',
  'no-show': 'AppointmentNoShow',
  cancel: 'AppointmentCancelled',
};

/** Commands that record what happened at the slot: never before it starts. */
export const afterSlotStarts: ReadonlySet<AppointmentCommandType> = new Set(['hold', 'no-show']);

/** An appointment's code: derived like a case's, from a text no case id can be, so the two never meet. */
export const appointmentTrackingCode = (appointmentId: string) => trackingCodeFor(`appointment ${appointmentId}`);

/** Whether the slot has started at `now` (an appointment without a slot has none to start). */
export const slotStarted = (context: AppointmentContext, now: string) =>
  context.slot !== null && Date.parse(now) >= Date.parse(context.slot.start);

function refuse(command: string, issues: FieldIssue[]): void {
  if (issues.length > 0) throw new CommandInvalidError(command, issues);
}

/** A slot is a real interval that has not started when it is booked. */
function slotIssues(slot: { start: string; end: string }, now: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (Date.parse(slot.start) <= Date.parse(now)) issues.push({ path: 'data.slot.start', message: 'the slot must be in the future' });
  if (Date.parse(slot.end) <= Date.parse(slot.start)) issues.push({ path: 'data.slot.end', message: 'must be after the start' });
  return issues;
}

/**
 * Commands to events. What is derived (tracking code, who cancelled)
 * depends only on the command, the appointment and the command's actor and
 * time, so a retry decides the same.
 */
export function decideAppointment(
  command: AppointmentCommand,
  state: WorkflowState<AppointmentContext>,
  context: DecideContext,
): AppointmentEvent[] {
  const { context: c } = state;
  const now = context.occurredAt;
  if (afterSlotStarts.has(command.type) && !slotStarted(c, now)) {
    throw new HuiyinError('WORKFLOW.ILLEGAL_TRANSITION', `${command.type} is not allowed before the slot starts at ${c.slot?.start}`, {
      commandType: command.type,
      status: state.status,
      startsAt: c.slot?.start,
    });
  }
  switch (command.type) {
    case 'request': {
      refuse('request', slotIssues(command.data.slot, now));
      const appointmentId = context.streamId;
      return [{ type: 'AppointmentRequested', data: { appointmentId, trackingCode: appointmentTrackingCode(appointmentId), ...command.data } }];
    }
    case 'confirm':
      return [{ type: 'AppointmentConfirmed', data: withoutUndefined({ note: command.data.note }) }];
    case 'decline':
      return [{ type: 'AppointmentDeclined', data: { reason: command.data.reason } }];
    case 'reschedule': {
      const issues = slotIssues(command.data.slot, now);
      if (c.slot?.start === command.data.slot.start) issues.push({ path: 'data.slot.start', message: 'is the slot the appointment already has' });
      refuse('reschedule', issues);
      return [{ type: 'AppointmentRescheduled', data: { slot: command.data.slot, reason: command.data.reason } }];
    }
    case 'hold': {
      const { heldAt, deputyIds, notes, caseIds } = command.data;
      if (Date.parse(heldAt) > Date.parse(now)) refuse('hold', [{ path: 'data.heldAt', message: 'must not be in the future' }]);
      return [{ type: 'AppointmentHeld', data: withoutUndefined({ heldAt, deputyIds, notes, caseIds }) }];
    }
    case 'no-show':
      return [{ type: 'AppointmentNoShow', data: withoutUndefined({ note: command.data.note }) }];
    case 'cancel': {
      const by = context.actor.role === 'citizen' ? 'citizen' : 'station';
      return [{ type: 'AppointmentCancelled', data: withoutUndefined({ by, reason: command.data.reason }) }];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled appointment command ${(unhandled as { type: string }).type}`);
    }
  }
}

/** An optional field the client left out is not stored as undefined. */
function withoutUndefined<T extends object>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;
}
