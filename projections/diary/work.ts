import type Database from 'better-sqlite3';
import { activityEventContracts, type ActivityEvent } from '../../contracts/activities.js';
import { upcastData } from '../../contracts/event-contract.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { visitEventContracts } from '../../contracts/visits.js';
import { appointmentHeldOf } from '../three-ones/sources.js';
import { quote, statementsFor } from './statements.js';

const idIn = (recorded: RecordedEvent) => recorded.streamName.slice(recorded.streamName.indexOf('-') + 1);

function activityOf(recorded: RecordedEvent): ActivityEvent | undefined {
  if (!Object.hasOwn(activityEventContracts, recorded.type)) return undefined;
  const type = recorded.type as ActivityEvent['type'];
  return { type, data: upcastData(activityEventContracts[type], recorded.data, recorded.metadata) } as ActivityEvent;
}

/** Each deputy once, however often the event names them. */
function putAll(db: Database.Database, deputyIds: readonly string[], at: string, recorded: RecordedEvent, kind: string, detail: object | null) {
  const put = statementsFor(db).putEntry;
  const json = detail === null ? null : JSON.stringify(detail);
  // Those who received a visitor are in the diary as at a case's reception; the rest took part.
  const role = recorded.type === 'VisitRegistered' ? 'reception' : 'participant';
  for (const deputyId of new Set(deputyIds)) put.run(deputyId, at, recorded.position, kind, idIn(recorded), recorded.type, role, json);
}

/**
 * A visit (the deputies who received the visitor; how many matters, never
 * who came), an appointment held, an activity announced (until it is held
 * or called off) or held.
 */
export function evolveWork(db: Database.Database, recorded: RecordedEvent): void {
  if (recorded.type === 'VisitRegistered') {
    const visit = upcastData(visitEventContracts.VisitRegistered, recorded.data, recorded.metadata) as {
      deputyIds: string[]; receivedAt: string; channel: string; matters: unknown[];
    };
    putAll(db, visit.deputyIds, visit.receivedAt, recorded, 'visit', { channel: visit.channel, matters: String(visit.matters.length) });
    return;
  }
  if (recorded.type === 'AppointmentHeld') {
    const held = appointmentHeldOf(recorded);
    if (held) putAll(db, held.deputyIds, held.heldAt, recorded, 'appointment', null);
    return;
  }
  const event = activityOf(recorded);
  if (!event) return;
  const s = statementsFor(db);
  if (event.type === 'ActivityAnnounced') {
    const { kind, title, place, startsAt, deputyIds } = event.data;
    putAll(db, deputyIds, startsAt, recorded, 'activity', { kind, title: quote(title), place: quote(place) });
  } else if (event.type === 'ActivityHeld') {
    const { activityId, kind, title, place, heldAt, deputyIds, attendance } = event.data;
    s.dropEntries.run(activityId, 'ActivityAnnounced');
    putAll(db, deputyIds, heldAt, recorded, 'activity', { kind, title: quote(title), place: quote(place), attendance: String(attendance) });
  } else {
    s.dropEntries.run(event.data.activityId, 'ActivityAnnounced');
  }
}
