import { z } from 'zod';
import type { appointmentMatter } from '../../contracts/appointments.js';
import { receiveBody, type ReceiveBody } from '../../contracts/case/commands.js';
import { CommandInvalidError, type FieldIssue } from '../../contracts/errors.js';
import type { Principal } from '../../contracts/identity.js';
import type { CaseService } from '../cases/case-service.js';
import { caseRaisedBy } from '../commands/command-ids.js';
import type { CommandRequest } from '../commands/envelope.js';
import type { AppointmentState } from './appointment-view.js';

/** What the appointments need of the case service: its checks, and opening a case under given ids. */
export type CaseReceiver = Pick<CaseService, 'receive' | 'checks'>;

type Matter = z.output<typeof appointmentMatter>;
type Meeting = { heldAt: string; deputyIds: string[] };

/** A case's field as the hold's body names it. */
function holdPath(index: number, casePath: string): string {
  const field = casePath.replace(/^data\.?/, '');
  if (field === 'receivedAt') return 'data.heldAt';
  if (field.startsWith('receptionDeputyIds')) return `data.deputyIds${field.slice('receptionDeputyIds'.length)}`;
  const inMatter = field.startsWith('location') ? 'location' : field;
  return ['data', 'matters', String(index), inMatter].filter(Boolean).join('.');
}

/** The case a matter becomes, and the command that opens it: derived from the appointment alone, so anyone's retry finds them. */
export const caseOfMatter = (appointmentId: string, index: number) => caseRaisedBy('appointment', appointmentId, index);

function formOf(state: AppointmentState, meeting: Meeting, matter: Matter): ReceiveBody {
  const requested = state.context.requested!;
  return receiveBody.parse({
    channel: 'appointment',
    stationId: requested.stationId,
    category: matter.category,
    summary: matter.summary,
    constituent: { name: requested.citizen.name, phone: requested.citizen.phone },
    ...(matter.location === undefined ? {} : { location: { description: matter.location } }),
    receivedAt: meeting.heldAt,
    receptionDeputyIds: meeting.deputyIds,
  });
}

/** Every matter a case could be opened from, or one 400 naming every bad field: a refused hold opens nothing. */
export async function checkMatters(cases: CaseReceiver, who: Principal, state: AppointmentState, meeting: Meeting, matters: readonly Matter[]): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const [index, matter] of matters.entries()) {
    await cases.checks.receiveData(who, formOf(state, meeting, matter)).catch((error: unknown) => {
      if (!(error instanceof CommandInvalidError)) throw error;
      issues.push(...error.issues.map((issue) => ({ path: holdPath(index, issue.path), message: issue.message })));
    });
  }
  if (issues.length > 0) throw new CommandInvalidError('hold', issues);
}

/**
 * Opens the case of each matter raised at the meeting, after the hold that
 * names them was recorded, as the person recording it. Ids are derived
 * from the appointment, so a hold sent again — after a failure between
 * the hold and its cases, or as a retry, by anyone — opens only what is
 * missing, never a case twice.
 */
export async function raiseCases(
  cases: CaseReceiver,
  who: Principal,
  state: AppointmentState,
  meeting: Meeting,
  matters: readonly Matter[],
  request: CommandRequest,
): Promise<number> {
  const appointmentId = state.context.requested!.appointmentId;
  let position = -1;
  for (const [index, matter] of matters.entries()) {
    const opened = await cases.receive(who, formOf(state, meeting, matter), { now: request.now, parsed: true, correlationId: request.correlationId }, caseOfMatter(appointmentId, index));
    position = Math.max(position, opened.view.position ?? -1);
  }
  return position;
}
