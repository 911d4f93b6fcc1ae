import type { z } from 'zod';
import type { AppointmentAction, appointmentActionBodies } from '../../contracts/appointments.js';
import { WrongExpectedRevisionError } from '../../contracts/errors.js';
import type { Principal } from '../../contracts/identity.js';
import { decideAndCheck } from '../../workflows/engine/decide.js';
import { actorOf, type CommandRequest } from '../commands/envelope.js';
import type { AppointmentService } from './appointment-service.js';
import type { AppointmentState } from './appointment-view.js';
import { caseOfMatter, checkMatters } from './hold-cases.js';
import { slotTaken } from './slot-claims.js';

type Body<A extends AppointmentAction> = z.output<(typeof appointmentActionBodies)[A]>;

/**
 * The command's data from the action's body: a move claims its new slot,
 * a hold opens the cases its matters raise. Everything else is the body.
 */
export async function actionData(
  service: AppointmentService,
  who: Principal,
  seen: AppointmentState,
  action: AppointmentAction,
  body: Body<AppointmentAction>,
  request: CommandRequest,
): Promise<object> {
  const requested = seen.context.requested!;
  const id = requested.appointmentId;
  if (action === 'reschedule') {
    const { start, reason } = body as Body<'reschedule'>;
    // Moved within the station it was booked at: its staff and its citizen's expectations stay the same.
    const slot = await service.slots.slotAt(requested.deputyId, start, request.now, requested.stationId);
    if (!slot) throw slotTaken('reschedule', 'data.start');
    await service.claims.claim(actorOf(who), { deputyId: requested.deputyId, start, appointmentId: id, revision: seen.revision }, request.now, 'data.start');
    return { slot: { start: slot.start, end: slot.end }, reason };
  }
  if (action === 'hold') {
    // Decided on the latest state, If-Match included, before any case is opened: a refused hold opens none.
    const latest = await service.load(id);
    if (request.ifMatch !== undefined && request.ifMatch !== latest.revision) {
      throw new WrongExpectedRevisionError(latest.streamName, request.ifMatch, latest.revision);
    }
    const { heldAt = latest.context.slot!.start, deputyIds = [requested.deputyId], notes, matters = [] } = body as Body<'hold'>;
    await service.checkDeputies('hold', 'data.deputyIds', deputyIds);
    const data = { heldAt, deputyIds, ...(notes === undefined ? {} : { notes }), caseIds: [] as string[] };
    const context = { streamId: id, commandId: 'dry-run', occurredAt: request.now, actor: actorOf(who) };
    decideAndCheck(latest, { type: 'hold', data }, context);
    await checkMatters(service.options.cases, who, latest, { heldAt, deputyIds }, matters);
    // The hold names the cases it raises; they are opened once it is recorded (appointment-service.ts).
    data.caseIds = matters.map((_, index) => caseOfMatter(id, index).caseId);
    return data;
  }
  return body;
}
