import type Database from 'better-sqlite3';
import type { AppointmentEvent, AppointmentStatus } from '../../contracts/appointments.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { preparedPerDb } from '../prepared.js';
import type { Projection } from '../runner.js';
import { APPOINTMENTS_VERSION, appointmentTables as t, appointmentsDdl } from './schema.js';

const statementsFor = preparedPerDb((db: Database.Database) => ({
  put: db.prepare(
    `INSERT OR REPLACE INTO ${t.items} (id, tracking_code, status, deputy_id, station_id, area_code, slot_start, slot_end, citizen_name, topic)
     VALUES (?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?)`,
  ),
  status: db.prepare(`UPDATE ${t.items} SET status = ? WHERE id = ?`),
  move: db.prepare(`UPDATE ${t.items} SET status = 'rescheduled', slot_start = ?, slot_end = ? WHERE id = ?`),
}));

/** The status each event leaves an appointment in (the request and a move have rows of their own). */
const statusAfter: Partial<Record<AppointmentEvent['type'], AppointmentStatus>> = {
  AppointmentConfirmed: 'confirmed',
  AppointmentDeclined: 'declined',
  AppointmentCancelled: 'cancelled',
  AppointmentHeld: 'held',
  AppointmentNoShow: 'no-show',
};

const PREFIX = 'appointment-';

function evolve(db: Database.Database, recorded: RecordedEvent): void {
  // Slot claims share the category; they guard writes and say nothing a list needs.
  if (recorded.streamName.startsWith(`${PREFIX}slot-`)) return;
  const id = recorded.streamName.slice(PREFIX.length);
  // Every appointment event is at its first version: its data is read as written.
  const event = { type: recorded.type, data: recorded.data } as AppointmentEvent;
  const s = statementsFor(db);
  switch (event.type) {
    case 'AppointmentRequested': {
      const { trackingCode, deputyId, stationId, areaCode, slot, citizen, topic } = event.data;
      s.put.run(id, trackingCode, deputyId, stationId, areaCode, slot.start, slot.end, citizen.name, topic);
      return;
    }
    case 'AppointmentRescheduled':
      s.move.run(event.data.slot.start, event.data.slot.end, id);
      return;
    default: {
      const status = statusAfter[event.type];
      if (status) s.status.run(status, id);
    }
  }
}

/** appointments@1: every appointment's status and slot, for lists, slot finding and tracking codes. */
export const appointmentsProjection: Projection = {
  name: 'appointments',
  version: APPOINTMENTS_VERSION,
  filter: { kind: 'category', categories: ['appointment'] },
  ddl: appointmentsDdl,
  evolve,
};

export { appointmentIdByCode, keptSlotStarts, listAppointments, type AppointmentFilter } from './queries.js';
export { APPOINTMENTS_VERSION, appointmentTables } from './schema.js';
