import type { ActivityEvent } from '../../contracts/activities.js';
import type { RecordedEvent } from '../../contracts/event-store.js';

/**
 * An appointment held, as far as the 三个一 need it: when and with which
 * deputies. Read by type name and field, not through the appointment
 * contract, so that anything else in those streams (or a field missing
 * from an odd event) is passed over instead of stopping the read model.
 */
export function appointmentHeldOf(recorded: RecordedEvent): { heldAt: string; deputyIds: string[] } | undefined {
  if (recorded.type !== 'AppointmentHeld') return undefined;
  const { heldAt, deputyIds } = recorded.data as { heldAt?: unknown; deputyIds?: unknown };
  if (typeof heldAt !== 'string' || Number.isNaN(Date.parse(heldAt)) || !Array.isArray(deputyIds)) return undefined;
  return { heldAt: new Date(heldAt).toISOString(), deputyIds: deputyIds.filter((id): id is string => typeof id === 'string') };
}

/** An activity's row in the lists, from its announcement or its holding. */
export function activityRowOf(event: Extract<ActivityEvent, { type: 'ActivityAnnounced' | 'ActivityHeld' }>): Record<string, unknown> {
  const d = event.data;
  const held = event.type === 'ActivityHeld' ? event.data : undefined;
  const announced = event.type === 'ActivityAnnounced' ? event.data : undefined;
  return {
    id: d.activityId,
    status: held ? 'held' : 'announced',
    kind: d.kind,
    title: d.title,
    place: d.place,
    areaCode: d.areaCode,
    stationId: d.stationId ?? null,
    startsAt: announced?.startsAt ?? null,
    endsAt: announced?.endsAt ?? null,
    heldAt: held?.heldAt ?? null,
    at: held?.heldAt ?? announced!.startsAt,
    deputyIds: JSON.stringify(d.deputyIds),
    attendance: held?.attendance ?? null,
    summary: held?.summary ?? announced?.summary ?? null,
  };
}
