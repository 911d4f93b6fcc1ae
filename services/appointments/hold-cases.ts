import { z } from 'zod';
import type { appointmentMatter } from '../../contracts/appointments.js';
import { receiveBody, type ReceiveBody } from '../../contracts/case/commands.js';
import { CommandInvalidError, type FieldIssue } from '../../contracts/errors.js';
import type { Principal } from '../../contracts/identity.js';
import type { CommandRequest } from '../commands/envelope.js';
import type { AppointmentState } from './appointment-view.js';

/** The one thing the appointments need of the case service. */
export interface CaseReceiver {
  receive(who: Principal, body: ReceiveBody, request: CommandRequest): Promise<{ view: { id: string } }>;
}

type Matter = z.output<typeof appointmentMatter>;

/** A case's field as the hold's body names it. */
function holdPath(index: number, casePath: string): string {
  const field = casePath.replace(/^data\.?/, '');
  if (field === 'receivedAt') return 'data.heldAt';
  if (field.startsWith('receptionDeputyIds')) return `data.deputyIds${field.slice('receptionDeputyIds'.length)}`;
  const inMatter = field.startsWith('location') ? 'location' : field;
  return ['data', 'matters', String(index), inMatter].filter(Boolean).join('.');
}

/**
 * Opens one case per matter raised at the meeting, through the case
 * service as the person recording the hold (their right to open cases at
 * the station is checked there). Each case's idempotency key is derived
 * from the appointment and the matter's place in the list, so a hold sent
 * again — after a failure between the cases and the hold, or as a retry —
 * finds the cases it opened instead of opening them twice.
 */
export async function raiseCases(
  cases: CaseReceiver,
  who: Principal,
  state: AppointmentState,
  meeting: { heldAt: string; deputyIds: string[] },
  matters: readonly Matter[],
  request: CommandRequest,
): Promise<string[]> {
  const requested = state.context.requested!;
  const caseIds: string[] = [];
  for (const [index, matter] of matters.entries()) {
    const body = receiveBody.parse({
      channel: 'appointment',
      stationId: requested.stationId,
      category: matter.category,
      summary: matter.summary,
      constituent: { name: requested.citizen.name, phone: requested.citizen.phone },
      ...(matter.location === undefined ? {} : { location: { description: matter.location } }),
      receivedAt: meeting.heldAt,
      receptionDeputyIds: meeting.deputyIds,
    });
    const key = JSON.stringify(['appointment matter', requested.appointmentId, index]);
    try {
      const outcome = await cases.receive(who, body, { now: request.now, idempotencyKey: key, correlationId: request.correlationId });
      caseIds.push(outcome.view.id);
    } catch (error) {
      if (!(error instanceof CommandInvalidError)) throw error;
      const issues: FieldIssue[] = error.issues.map((issue) => ({ path: holdPath(index, issue.path), message: issue.message }));
      throw new CommandInvalidError('hold', issues);
    }
  }
  return caseIds;
}
